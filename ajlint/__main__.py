from ajlint.cli import main

raise SystemExit(main())
