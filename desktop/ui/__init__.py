"""The Qt user interface. Everything Qt lives under this package; the core never imports it."""
