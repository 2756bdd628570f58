. "$CASES/lib.sh"
# With no passphrase source (and no terminal) the error says how to give one: exit 2. An empty
# passphrase, from the environment or a file, is refused too.
from_once owner.id
(unset KARTLA_PASSPHRASE; kartla identity fingerprint owner.id)
(unset KARTLA_PASSPHRASE; kartla identity new --out x.id)
KARTLA_PASSPHRASE= kartla identity fingerprint owner.id
echo >empty
kartla identity fingerprint owner.id --passphrase-file empty
exists x.id
