from .run.cli import run

run()
