. "$CASES/lib.sh"
# `kartla help COMMAND` is `kartla COMMAND --help` (as in git and go), for a command, a group and
# a command of a group; an unknown command is a usage error.
output kartla help identity new >a.txt
output kartla identity new --help >b.txt
same "kartla help identity new = kartla identity new --help" a.txt b.txt
output kartla help record >a.txt
output kartla record --help >b.txt
same "kartla help record = kartla record --help" a.txt b.txt
output kartla help share >a.txt
output kartla share --help >b.txt
same "kartla help share = kartla share --help" a.txt b.txt
output kartla help >a.txt
output kartla --help >b.txt
same "kartla help = kartla --help" a.txt b.txt
kartla help nosuch
