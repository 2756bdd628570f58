. "$CASES/lib.sh"
# SPEC §7.8: the project owner's figures over a dozen bundles, as text (English and Swedish, from
# the catalogue), as JSON that a JSON parser reads, and as CSV with a header row. No line per
# person; the phase cells of 2 and of 5 are hidden (the second so the first cannot be worked out).
from_once project.id p01.bundle p02.bundle p03.bundle p04.bundle p05.bundle p06.bundle p07.bundle p08.bundle \
  p09.bundle p10.bundle p11.bundle p12.bundle
kartla report --as project.id p*.bundle
kartla report --as project.id p*.bundle --language sv
output kartla report --as project.id p*.bundle --format json >report.json
echo "participants: $(json report.json participants), women: $(json report.json by_gender.0.count)," \
  "in work at exit: $(json report.json at_exit.0.per_mille) per mille"
kartla report --as project.id p*.bundle --format csv
