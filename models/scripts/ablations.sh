#!/bin/sh
# The regimes compared on the validation split for the 2.0 recipe (models/README.md, "What each lever gave").
# Each is train_student.py on the train split's bank; the recipe itself ("train") is run by reproduce.sh.
# Run after reproduce.sh's steps 1-4 (masks, banks, teacher); about 1-4 hours each on 2 shared cores.
# Then collect_regimes.py writes models/regimes.json and write_card.py puts the table on the card.
set -eu
cd "$(dirname "$0")"
PY=/usr/bin/python3
$PY train_student.py --tag r1-plain --no-composites --alpha 0 --threads 1
$PY train_student.py --tag r2-composites --alpha 0 --threads 1
$PY train_student.py --tag r4-kd-plain --no-composites --threads 1
$PY collect_regimes.py
