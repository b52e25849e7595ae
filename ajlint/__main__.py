from ajlint.cli import run

run()
