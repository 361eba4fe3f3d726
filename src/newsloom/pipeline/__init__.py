"""Pure pipeline stages: plain data in, plain data out."""
