# Shortcuts; README names the two commands a new user needs.
.PHONY: run test bench catalogue
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh
bench:
	bash scripts/bench.sh
catalogue:
	.venv/bin/python scripts/catalogue.py
