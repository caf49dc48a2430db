# stance: quoted statements in news on Armenia and the CSTO, who said them,
# and the camp each speaks for.  One non-recursive Makefile: it builds the
# programs and runs them as a pipeline over batches of articles.
#
#   a batch of articles --stance-tokenize--> build/quotes/.../shard-N.csv
#                       --stance-features--> build/vectors/.../shard-N.svm
#                       --stance-classify--> build/predictions/.../shard-N.csv
#   all batches         --stance-report----> REPORTS/{quotes,articles,speakers}.csv
#   corpus/annotations/*.csv + the corpus's quotes files --stance-train--> models/

.DELETE_ON_ERROR:
.SUFFIXES:
.SECONDARY:

ARTICLES ?= corpus/articles
REPORTS  ?= reports
MODEL    ?= models
CORPUS   ?= corpus
PREFIX   ?= /usr/local
EXCEL    ?=
XLSX     ?=
# STRICT=1: one article that cannot be read fails the run, instead of
# being skipped and listed in REPORTS/errors.csv.
STRICT   ?=

# ---- the folders a run is given -----------------------------------------

# Make cannot name a file whose path holds white space or one of the
# characters below, and would expand $ itself: such a path is refused
# before anything runs, in one message, rather than half-run on another
# folder.  The values are taken unexpanded ($(value ...)).
st_dollar := $$
st_hash   := \#
st_lp     := (
st_rp     := )
st_bad_chars := : ; % " ' ` \ * ? [ ] | & < > = $(st_hash) $(st_lp) \
	$(st_rp) $(st_dollar)
st_bad_path = $(strip \
	$(if $(value $(1)),,empty) \
	$(if $(filter-out 0 1,$(words $(value $(1)))),white space) \
	$(foreach c,$(st_bad_chars),$(if $(findstring $(c),$(value $(1))),'$(c)')))
st_check_path = $(if $(call st_bad_path,$(1)),$(error $(1)=$(value $(1)): \
	a folder Make cannot name ($(call st_bad_path,$(1))); rename it, or \
	link it under a plain name: ln -s 'DIR' plain-name))
$(foreach v,ARTICLES REPORTS MODEL CORPUS,$(call st_check_path,$(v)))

# The goals that read articles and a model check them here, once, with
# a message that names the folder and what is missing.
ifneq ($(filter run annotate plots,$(MAKECMDGOALS)),)
ifeq ($(wildcard $(ARTICLES)/.),)
$(error ARTICLES=$(ARTICLES): no such folder)
endif
# REPORTS itself is made by the run, its parent folder is not
st_reports_parent := $(patsubst %/,%,$(dir $(abspath $(REPORTS))))
ifeq ($(wildcard $(st_reports_parent)/.),)
$(error REPORTS=$(REPORTS): its folder $(st_reports_parent) does not exist \
	(mkdir -p $(st_reports_parent)))
endif
ifeq ($(wildcard $(MODEL)/.),)
$(error MODEL=$(MODEL): no such folder)
endif
st_missing := $(filter-out $(wildcard $(MODEL)/stance.model \
	$(MODEL)/vocab.txt $(MODEL)/labels.txt),$(MODEL)/stance.model \
	$(MODEL)/vocab.txt $(MODEL)/labels.txt)
ifneq ($(st_missing),)
$(error MODEL=$(MODEL): not a model folder, it lacks $(notdir \
	$(st_missing)) (make train MODEL=$(MODEL) writes one))
endif
endif

# Actor files (pipeline/data/actors.txt's format) read after the shipped
# dictionary, later ones first among equals: ACTORS="mine.txt more.txt".
ACTORS   ?=

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
	conjunctions clause-words actors

LIB_SRC := $(sort $(wildcard pipeline/lib/*/*.c))
LIB_OBJ := $(LIB_SRC:pipeline/%.c=$(O)/obj/%.o) \
	$(DATA:%=$(O)/obj/data/%.o)
# The programs' side (options, messages, progress): linked into each
# program, never into the library.
CLI_OBJ := $(O)/obj/cli.o
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

# Only stance-report writes workbooks: the other programs (which
# scripts/run-parallel copies to other hosts) need no libxlsxwriter.
XLSX_LIBS := -lxlsxwriter -lz
$(BIN)/stance-report $(O)/unit-tests: LDLIBS += $(XLSX_LIBS)

$(BIN)/stance-%: $(O)/obj/%.o $(CLI_OBJ) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(CLI_OBJ) $(LIB) $(LDLIBS)

# ---- the pipeline ------------------------------------------------------

# The articles are split into SHARDS batches by a hash of their id: each
# batch is one process per stage, however many articles it holds, and an
# edited article re-runs only its own batch.  By default there are as many
# batches as make -j jobs; Make tells a recipe its -j, not the parsing of
# this file, so run and annotate call Make again with SHARDS set.
ifndef SHARDS
JOBS_SHARDS = $(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),1)
run annotate: $(BIN)/stance-tokenize $(BIN)/stance-features $(BIN)/stance-classify \
		$(BIN)/stance-report $(BIN)/stance-shard
	@$(MAKE) --no-print-directory $@ SHARDS=$(JOBS_SHARDS)

# Training and evaluation read the corpus's quotes files, made by the
# rules of make run over ARTICLES=$(CORPUS)/articles in the same batches:
# make run and make train share them, and an edited article is tokenized
# again in its own batch only.
train: $(BIN)/stance-tokenize $(BIN)/stance-shard $(BIN)/stance-train
	@$(MAKE) --no-print-directory $@ SHARDS=$(JOBS_SHARDS) \
		ARTICLES=$(CORPUS)/articles
eval: $(BIN)/stance-tokenize $(BIN)/stance-shard $(BIN)/stance-eval
	@$(MAKE) --no-print-directory $@ SHARDS=$(JOBS_SHARDS) \
		ARTICLES=$(CORPUS)/articles
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
QUOTES := $(shards:%=$(QDIR)/shard-%.csv)
PREDS  := $(shards:%=$(PDIR)/shard-%.csv)
PAIRS  := $(foreach s,$(shards),$(QDIR)/shard-$(s).csv $(PDIR)/shard-$(s).csv)

run: $(REPORTS)/quotes.csv

# Write $(2) to the file $(1) unless it already says exactly that, through
# a temporary file of this shell's own ($$$$), so that two runs side by
# side never take each other's.
update_list = mkdir -p $(dir $(1)) && t=$(1).tmp-$$$$ && \
	printf '%s\n' '$(2)' > $$t && \
	{ cmp -s $$t $(1) && rm -f $$t || mv -f $$t $(1); }

# Each batch's list of articles and its signature (ids, sizes, times),
# every id, and what the folder holds besides articles: made together, in
# one pass over the folder, and each rewritten only when it changes.
LISTS := $(shards:%=$(QDIR)/shard-%.list) $(shards:%=$(QDIR)/shard-%.sig) \
	$(QDIR)/articles.list $(QDIR)/skipped.csv
$(LISTS): $(QDIR)/lists ;
$(QDIR)/lists: FORCE $(BIN)/stance-shard
	@STANCE_BIN=$(BIN) scripts/shard-lists $(ARTICLES) $(QDIR) $(SHARDS)

# An article that cannot be read is skipped and listed in the batch's
# errors file; stance-report gathers them into REPORTS/errors.csv.
$(QDIR)/shard-%.csv $(QDIR)/shard-%.errors: $(QDIR)/shard-%.sig \
		$(BIN)/stance-tokenize
	$(BIN)/stance-tokenize -o $(QDIR)/shard-$*.csv \
		-e $(QDIR)/shard-$*.errors --files-from $(QDIR)/shard-$*.list

# The actors of a run: the corpus's invented people when the articles are
# the corpus's (as in training), then ACTORS.  The list in force is kept
# in a file rewritten only when it changes, so that another list
# featurises again.
RUN_ACTORS := $(if $(filter $(abspath $(CORPUS)/articles),$(abspath $(ARTICLES))),$(wildcard $(CORPUS)/actors.txt)) $(ACTORS)
AOPTS := $(O)/actor-options/$(akey)$(mkey)
$(AOPTS): FORCE
	@$(call update_list,$@,actors=$(strip $(RUN_ACTORS)))

# The stages' folders are made once, while the batches are tokenized, not
# by a shell of their own before each stage.
$(VDIR) $(PDIR):
	@mkdir -p $@

$(VDIR)/%.svm: $(QDIR)/%.csv $(BIN)/stance-features $(MODEL_FILES) \
		$(AOPTS) $(RUN_ACTORS) | $(VDIR)
	$(BIN)/stance-features -m $(MODEL) $(RUN_ACTORS:%=--actors %) -o $@ $<

$(PDIR)/%.csv: $(VDIR)/%.svm $(BIN)/stance-classify $(MODEL_FILES) | $(PDIR)
	$(BIN)/stance-classify -m $(MODEL) -o $@ $<

# The report options in force, rewritten only when they change, so that
# make run EXCEL=1 after make run (or the other way) writes the reports
# again.
ROPTS := $(O)/report-options/$(subst /,_,$(abspath $(REPORTS)))
$(ROPTS): FORCE
	@$(call update_list,$@,excel=$(EXCEL) strict=$(STRICT) xlsx=$(XLSX))

# stance-report replaces the folder REPORTS whole (the reports of one run,
# never a mix), so one file stands for it here; it is precious, so that
# Make never deletes it on an error or Ctrl-C (the old one is then still
# the whole of the old run).
ERRORS := $(shards:%=$(QDIR)/shard-%.errors)
.PRECIOUS: $(REPORTS)/quotes.csv
$(REPORTS)/quotes.csv: $(QUOTES) $(PREDS) $(ERRORS) $(QDIR)/articles.list \
		$(QDIR)/skipped.csv $(ROPTS) $(AOPTS) $(RUN_ACTORS) \
		$(BIN)/stance-report
	$(BIN)/stance-report -d $(REPORTS) -a $(QDIR)/articles.list \
		-s $(QDIR)/skipped.csv $(ERRORS:%=-e %) $(if $(STRICT),--strict) \
		--article-dir $(ARTICLES) $(RUN_ACTORS:%=--actors %) \
		$(if $(EXCEL),--excel) $(if $(XLSX),--workbook) $(PAIRS)

# A labelling sheet for the articles of ARTICLES, least confident first,
# as CSV and as a workbook (with each quote's sentence and paragraph);
# never over one already there (todo-DATE-2 and so on instead).
TODO = $(shell d=$$(date +%Y-%m-%d); f=$(CORPUS)/annotations/todo-$$d; \
	n=1; while [ -e "$$f.csv" ] || [ -e "$$f.xlsx" ]; do n=$$((n + 1)); \
	f=$(CORPUS)/annotations/todo-$$d-$$n; done; echo "$$f")
annotate: $(QUOTES) $(PREDS) $(QDIR)/articles.list $(BIN)/stance-report
	$(BIN)/stance-report --todo $(TODO).csv --xlsx $(TODO).xlsx \
		--article-dir $(ARTICLES) $(if $(EXCEL),--excel) $(PAIRS)
	@echo "label the stance column of $(TODO).xlsx (or .csv), move the articles into $(CORPUS)/articles, then: make train"

# The sheets' rows are matched among the quotes of the corpus's quotes
# files (ARTICLES is $(CORPUS)/articles here): no article is extracted
# again; -a names the folder in messages about an article they lack.
train: $(QUOTES) $(BIN)/stance-train
	$(BIN)/stance-train -a $(CORPUS)/articles $(QUOTES:%=--quotes %) \
		-o $(MODEL) $(if $(LABELS),--labels $(LABELS)) \
		$(if $(KEEP_GOING),--keep-going) $(TRAIN_ACTORS:%=--actors %) \
		$(ANNOTATIONS)

eval: $(QUOTES) $(BIN)/stance-eval
	@mkdir -p $(EVAL)
	$(BIN)/stance-eval -a $(CORPUS)/articles $(QUOTES:%=--quotes %) \
		-d $(EVAL) $(TRAIN_ACTORS:%=--actors %) $(ANNOTATIONS)
	scripts/install-deps eval
	scripts/compare-sklearn $(EVAL)

endif

# Retraining is asked for, never implied: the shipped model must not be
# rebuilt behind a user's back because a fresh clone's timestamps differ.
# The sheets: CSV as saved by any spreadsheet, and .xlsx and .ods (read
# through LibreOffice).  LABELS=FILE trains other labels; KEEP_GOING=1
# skips the rows of an article that is not there instead of stopping.
ANNOTATIONS = $(sort $(wildcard $(CORPUS)/annotations/*.csv \
	$(CORPUS)/annotations/*.xlsx $(CORPUS)/annotations/*.ods))
LABELS ?=
KEEP_GOING ?=
# The corpus's people are invented: its own actor file gives them codes.
TRAIN_ACTORS = $(wildcard $(CORPUS)/actors.txt) $(ACTORS)
# (make train and make eval: their rules are with the pipeline's, above.)

# Cross-validation grouped by article and by speaker, baselines, feature
# ablations, and scikit-learn on the same folds.
EVAL = $(REPORTS)/eval

# Pictures of the reports: reports/plots/*.svg (and the confusion matrix
# after make eval).
plots: run
	scripts/install-deps plots
	scripts/plots $(REPORTS)

# Speed and memory beside the peers, then each stage on inputs built to
# make it slow, at n and 2n; prints figures, never fails on time.
BENCH_N ?= 20000
bench: all
	scripts/install-deps bench
	scripts/bench $(BENCH_N)
	STANCE_BIN=$(BIN) scripts/bench-linear

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
	scripts/check-house $(O)/obj
	$(O)/unit-tests
	STANCE_O=$(O) STANCE_BIN=$(BIN) tests/run-tests
	STANCE_O=$(O) STANCE_BIN=$(BIN) tests/batch-test
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
# tests/lsan.supp: a leak inside libxlsxwriter itself, not ours.
check-asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	$(MAKE) --no-print-directory check O=build/asan BIN=build/asan/bin \
		CFLAGS="-O1 -g -fno-omit-frame-pointer $(SAN)" LDFLAGS="$(SAN)"

# Fuzzing with libFuzzer (clang): each target runs FUZZ_SECONDS seconds
# from its seeds in tests/fuzz/TARGET/; a crash fails the run and its
# input is kept in build/fuzz/crashes/TARGET/.
FUZZ_SECONDS ?= 60
FUZZERS := extract annotations model vectors actors
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

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d) \
	$(STAGES:%=$(O)/obj/%.d)
