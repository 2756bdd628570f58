. "$CASES/lib.sh"
# A Swedish-speaking participant's terminal (LANG=sv_SE.UTF-8): the help, its command summaries
# and the exit codes' meanings are Swedish; commands, options and metavariables stay as typed.
(unset LC_ALL; LANG=sv_SE.UTF-8 kartla --help)
kartla record --help --language sv
