"""pooltrack: static pool/MDL/IRP leak analysis for Windows kernel-driver C."""

__version__ = "0.1.0"
