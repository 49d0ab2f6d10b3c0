"""Quote checker, citation audit and "find support" (Qt-free)."""
