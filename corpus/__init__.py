"""Sample corpus generator (corpus/build.py) and its content modules; see corpus/README.md."""
