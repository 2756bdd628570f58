. "$CASES/lib.sh"
# SPEC §7.8: fewer than 5 participants is refused (exit 3) with no figure; bundles that cannot be
# counted do not make up the number, and each is named with its reason.
from_once project.id p01.bundle p02.bundle p03.bundle p04.bundle p05.bundle p06.bundle
kartla report --as project.id p01.bundle p02.bundle p03.bundle p04.bundle
echo "not a kartla file" >junk.bundle
kartla report --as project.id p01.bundle p02.bundle p03.bundle p04.bundle junk.bundle p01.bundle
kartla report --as project.id p01.bundle p02.bundle p03.bundle p04.bundle p05.bundle junk.bundle p01.bundle \
  --format csv
kartla report --as project.id p01.bundle p02.bundle p03.bundle p04.bundle p05.bundle p06.bundle junk.bundle
