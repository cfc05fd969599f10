"""Bad inputs (filled in below)."""
def build(outdir):
    pass
