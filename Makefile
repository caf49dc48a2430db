# stance: quoted statements in news on Armenia and the CSTO, who said them,
# and the camp each speaks for.  One non-recursive Makefile: it builds the
# programs and runs them as a pipeline over batches of articles.
#
#   a batch of articles --stance-tokenize--> build/quotes/.../shard-N.csv
#                       --stance-features--> build/vectors/.../shard-N.svm
#                       --stance-classify--> build/predictions/.../shard-N.csv
#   all batches         --stance-report----> REPORTS/{quotes,articles,speakers}.csv
#   corpus/annotations/*.csv + corpus/articles --stance-train--> models/

.DELETE_ON_ERROR:
.SUFFIXES:
.SECONDARY:

ARTICLES ?= corpus/articles
REPORTS  ?= reports
MODEL    ?= models
CORPUS   ?= corpus
PREFIX   ?= /usr/local
EXCEL    ?=

# Where objects and programs go: make check-asan builds a second tree.
O       ?= build
BIN     ?= bin

CC      ?= cc
CFLAGS  ?= -O2 -g
# The project's own flags: kept apart so that CFLAGS=... keeps the warnings.
ST_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra \
	-Wshadow -Wstrict-prototypes -Ipipeline/lib -Ipipeline -MMD -MP
LDLIBS := -lsvm -lpcre2-8 -lcsv -lutf8proc -lstemmer -lm

STAGES := tokenize features classify report train eval shard
BINS   := $(STAGES:%=$(BIN)/stance-%)
DATA   := cues roles nonames female-names male-names labels \
	function-words determiners prepositions gap-words org-nouns \
	abbreviations pronouns name-context person-nouns group-stop-words \
	conjunctions clause-words

LIB_SRC := $(sort $(wildcard pipeline/lib/*.c pipeline/lib/extract/*.c))
LIB_OBJ := $(LIB_SRC:pipeline/%.c=$(O)/obj/%.o) \
	$(DATA:%=$(O)/obj/data/%.o) $(O)/obj/cli.o
LIB     := $(O)/libstance.a

all: $(BINS)

# Missing Debian packages are installed (or the command is printed) before
# anything is compiled.
$(O)/deps.ok: scripts/install-deps
	@mkdir -p $(@D)
	scripts/install-deps
	@touch $@

$(O)/obj/%.o: pipeline/%.c | $(O)/deps.ok
	@mkdir -p $(@D)
	$(CC) $(ST_CFLAGS) $(CFLAGS) -c -o $@ $<

# Data files are compiled in: an installed program needs no data path.
$(O)/gen/data/%.c: pipeline/data/%.txt scripts/embed
	@mkdir -p $(@D)
	scripts/embed $(subst -,_,$*) $< > $@.tmp && mv $@.tmp $@

$(O)/obj/data/%.o: $(O)/gen/data/%.c
	@mkdir -p $(@D)
	$(CC) $(ST_CFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(BIN)/stance-%: $(O)/obj/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# ---- the pipeline ------------------------------------------------------

# The articles are split into SHARDS batches by a hash of their id: each
# batch is one process per stage, however many articles it holds, and an
# edited article re-runs only its own batch.  By default there are as many
# batches as make -j jobs; Make tells a recipe its -j, not the parsing of
# this file, so run and annotate call Make again with SHARDS set.
ifndef SHARDS
run annotate: $(BIN)/stance-tokenize $(BIN)/stance-features $(BIN)/stance-classify \
		$(BIN)/stance-report $(BIN)/stance-shard
	@$(MAKE) --no-print-directory $@ \
		SHARDS=$(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),1)
else
shards := $(shell seq 0 $$(($(SHARDS) - 1)))

# Intermediate files are kept per articles folder and per model, so that
# runs over other folders or with other models never mix.
akey   := $(subst /,_,$(abspath $(ARTICLES)))
mkey   := $(subst /,_,$(abspath $(MODEL)))
QDIR   := $(O)/quotes/$(akey)
VDIR   := $(O)/vectors/$(akey)/$(mkey)
PDIR   := $(O)/predictions/$(akey)/$(mkey)
MODEL_FILES := $(MODEL)/stance.model $(MODEL)/vocab.txt $(MODEL)/labels.txt
REPORT_FILES := $(REPORTS)/quotes.csv $(REPORTS)/articles.csv \
	$(REPORTS)/speakers.csv
QUOTES := $(shards:%=$(QDIR)/shard-%.csv)
PREDS  := $(shards:%=$(PDIR)/shard-%.csv)
PAIRS  := $(foreach s,$(shards),$(QDIR)/shard-$(s).csv $(PDIR)/shard-$(s).csv)

run: $(REPORT_FILES)

# Write $(2) to the file $(1) unless it already says exactly that.
update_list = $(shell mkdir -p $(dir $(1)))\
	$(file > $(1).tmp,$(2))\
	cmp -s $(1).tmp $(1) && rm -f $(1).tmp || mv $(1).tmp $(1)

# Each batch's list of articles, and its signature (ids, sizes, times),
# rewritten only when they change.
$(QDIR)/shard-%.list $(QDIR)/shard-%.sig: FORCE $(BIN)/stance-shard
	@STANCE_BIN=$(BIN) scripts/shard-lists $(ARTICLES) $(QDIR) $(SHARDS) $*

$(QDIR)/articles.list: FORCE $(BIN)/stance-shard
	@STANCE_BIN=$(BIN) scripts/shard-lists $(ARTICLES) $(QDIR) $(SHARDS) all

$(QDIR)/shard-%.csv: $(QDIR)/shard-%.sig $(BIN)/stance-tokenize
	$(BIN)/stance-tokenize -o $@ --files-from $(QDIR)/shard-$*.list

$(VDIR)/%.svm: $(QDIR)/%.csv $(BIN)/stance-features $(MODEL_FILES)
	@mkdir -p $(@D)
	$(BIN)/stance-features -m $(MODEL) -o $@ $<

$(PDIR)/%.csv: $(VDIR)/%.svm $(BIN)/stance-classify $(MODEL_FILES)
	@mkdir -p $(@D)
	$(BIN)/stance-classify -m $(MODEL) -o $@ $<

# The report options in force, rewritten only when they change, so that
# make run EXCEL=1 after make run (or the other way) writes the reports
# again.
ROPTS := $(O)/report-options/$(subst /,_,$(abspath $(REPORTS)))
$(ROPTS): FORCE
	@$(call update_list,$@,excel=$(EXCEL))

$(REPORT_FILES) &: $(QUOTES) $(PREDS) $(QDIR)/articles.list $(ROPTS) \
		$(BIN)/stance-report
	@mkdir -p $(REPORTS)
	$(BIN)/stance-report -d $(REPORTS) -a $(QDIR)/articles.list \
		$(if $(EXCEL),--excel) $(PAIRS)

# A labelling sheet for the articles of ARTICLES, least confident first;
# never over one already there (todo-DATE-2.csv and so on instead).
TODO = $(shell d=$$(date +%Y-%m-%d); f=$(CORPUS)/annotations/todo-$$d.csv; \
	n=1; while [ -e "$$f" ]; do n=$$((n + 1)); \
	f=$(CORPUS)/annotations/todo-$$d-$$n.csv; done; echo "$$f")
annotate: $(QUOTES) $(PREDS) $(QDIR)/articles.list $(BIN)/stance-report
	$(BIN)/stance-report --todo $(TODO) $(if $(EXCEL),--excel) $(PAIRS)
	@echo "label the stance column of $(TODO), move the articles into $(CORPUS)/articles, then: make train"

endif

# Retraining is asked for, never implied: the shipped model must not be
# rebuilt behind a user's back because a fresh clone's timestamps differ.
ANNOTATIONS = $(sort $(wildcard $(CORPUS)/annotations/*.csv))
train: $(BIN)/stance-train
	$(BIN)/stance-train -a $(CORPUS)/articles -o $(MODEL) $(ANNOTATIONS)

# Cross-validation grouped by article and by speaker, baselines, feature
# ablations, and scikit-learn on the same folds.
EVAL = $(REPORTS)/eval
eval: $(BIN)/stance-eval
	@mkdir -p $(EVAL)
	$(BIN)/stance-eval -a $(CORPUS)/articles -d $(EVAL) $(ANNOTATIONS)
	scripts/install-deps eval
	scripts/compare-sklearn $(EVAL)

# Pictures of the reports: reports/plots/*.svg (and the confusion matrix
# after make eval).
plots: run
	scripts/install-deps plots
	scripts/plots $(REPORTS)

# Speed and memory beside the peers; prints figures, never fails on time.
BENCH_N ?= 20000
bench: all
	scripts/install-deps bench
	scripts/bench $(BENCH_N)

# ---- tests -------------------------------------------------------------

TEST_SRC := $(sort $(wildcard tests/unit/*.c))
TEST_OBJ := $(TEST_SRC:tests/unit/%.c=$(O)/obj/tests/%.o)

$(O)/obj/tests/%.o: tests/unit/%.c | $(O)/deps.ok
	@mkdir -p $(@D)
	$(CC) $(ST_CFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/unit-tests: $(TEST_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIB) $(LDLIBS) \
		$$(pkg-config --libs check)

check: $(O)/unit-tests $(BINS)
	scripts/install-deps check
	$(O)/unit-tests
	STANCE_O=$(O) STANCE_BIN=$(BIN) tests/run-tests
	tests/plots-test
	STANCE_O=$(O) STANCE_BIN=$(BIN) tests/spreadsheet-roundtrip
	STANCE_O=$(O) STANCE_BIN=$(BIN) tests/parallel-test

# The pipeline end to end under valgrind's memcheck.
check-valgrind: $(BINS)
	scripts/install-deps valgrind
	STANCE_BIN=$(BIN) tests/valgrind-e2e

# A one-node Slurm cluster on this machine runs the job array of
# scripts/slurm/ (as root; the test says why it skips otherwise).
check-slurm: $(BINS)
	tests/slurm-test

# Every test again, built with AddressSanitizer and UndefinedBehaviorSanitizer
# in a tree of its own.
SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
check-asan:
	$(MAKE) --no-print-directory check O=build/asan BIN=build/asan/bin \
		CFLAGS="-O1 -g -fno-omit-frame-pointer $(SAN)" LDFLAGS="$(SAN)"

# Fuzzing with libFuzzer (clang): each target runs FUZZ_SECONDS seconds
# from its seeds in tests/fuzz/TARGET/; a crash fails the run and its
# input is kept in build/fuzz/crashes/TARGET/.
FUZZ_SECONDS ?= 60
FUZZERS := extract annotations model vectors
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz: fuzz-build
	@for f in $(FUZZERS); do \
		mkdir -p build/fuzz/crashes/$$f build/fuzz/corpus/$$f; \
		echo "fuzz $$f: $(FUZZ_SECONDS) s"; \
		build/fuzz/fuzz-$$f -max_total_time=$(FUZZ_SECONDS) \
			-artifact_prefix=build/fuzz/crashes/$$f/ -print_final_stats=1 \
			build/fuzz/corpus/$$f tests/fuzz/$$f 2> build/fuzz/$$f.log || \
			{ tail -40 build/fuzz/$$f.log; echo "fuzz $$f: crash, input in build/fuzz/crashes/$$f/"; exit 1; }; \
		grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build/fuzz/$$f.log; \
	done

# The library and the targets are built by a second Make in build/fuzz
# with clang, whose libFuzzer the targets link with.
fuzz-build:
	scripts/install-deps fuzz
	$(MAKE) --no-print-directory O=build/fuzz BIN=build/fuzz/bin CC=clang \
		CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
		$(FUZZERS:%=build/fuzz/fuzz-%)

$(O)/fuzz-%: tests/fuzz/fuzz_%.c $(LIB)
	$(CC) -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) -Ipipeline/lib -o $@ $< \
		$(LIB) $(LDLIBS)

MANS := $(wildcard pipeline/man/*.1) $(wildcard pipeline/man/*.7)
install: $(BINS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man7
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin
	install -m 644 $(filter %.1,$(MANS)) $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 $(filter %.7,$(MANS)) $(DESTDIR)$(PREFIX)/share/man/man7

uninstall:
	rm -f $(BINS:$(BIN)/%=$(DESTDIR)$(PREFIX)/bin/%) \
		$(patsubst pipeline/man/%.1,$(DESTDIR)$(PREFIX)/share/man/man1/%.1,$(filter %.1,$(MANS))) \
		$(patsubst pipeline/man/%.7,$(DESTDIR)$(PREFIX)/share/man/man7/%.7,$(filter %.7,$(MANS)))

clean:
	rm -rf build bin

.PHONY: all run train eval annotate plots bench check check-asan \
	check-valgrind check-slurm fuzz fuzz-build install uninstall clean FORCE
FORCE:

-include $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(STAGES:%=$(O)/obj/%.d)
