# stance: quoted statements in news on Armenia and the CSTO, who said them,
# and the camp each speaks for.  One non-recursive Makefile: it builds the
# programs and runs them as a pipeline, one set of files per article.
#
#   article.txt --stance-tokenize--> build/quotes/.../ID.csv
#               --stance-features--> build/vectors/.../ID.svm   (needs MODEL)
#               --stance-classify--> build/predictions/.../ID.csv
#   all of them --stance-report----> REPORTS/{quotes,articles,speakers}.csv
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

CC      ?= cc
CFLAGS  ?= -O2 -g
# The project's own flags: kept apart so that CFLAGS=... keeps the warnings.
ST_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra \
	-Wshadow -Wstrict-prototypes -Ipipeline/lib -Ipipeline -MMD -MP
LDLIBS := -lsvm -lpcre2-8 -lcsv -lutf8proc -lstemmer -lm

STAGES := tokenize features classify report train eval
BINS   := $(STAGES:%=bin/stance-%)
DATA   := cues roles nonames female-names male-names labels

LIB_SRC := $(sort $(wildcard pipeline/lib/*.c))
LIB_OBJ := $(LIB_SRC:pipeline/%.c=build/obj/%.o) \
	$(DATA:%=build/obj/data/%.o) build/obj/cli.o
LIB     := build/libstance.a

all: $(BINS)

# Missing Debian packages are installed (or the command is printed) before
# anything is compiled.
build/deps.ok: scripts/install-deps
	@mkdir -p $(@D)
	scripts/install-deps
	@touch $@

build/obj/%.o: pipeline/%.c | build/deps.ok
	@mkdir -p $(@D)
	$(CC) $(ST_CFLAGS) $(CFLAGS) -c -o $@ $<

# Data files are compiled in: an installed program needs no data path.
build/gen/data/%.c: pipeline/data/%.txt scripts/embed
	@mkdir -p $(@D)
	scripts/embed $(subst -,_,$*) $< > $@.tmp && mv $@.tmp $@

build/obj/data/%.o: build/gen/data/%.c
	@mkdir -p $(@D)
	$(CC) $(ST_CFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

bin/stance-%: build/obj/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# ---- the pipeline ------------------------------------------------------

ids    := $(sort $(basename $(notdir $(wildcard $(ARTICLES)/*.txt))))
# Intermediate files are kept per articles folder and per model, so that
# runs over other folders or with other models never mix.
akey   := $(subst /,_,$(abspath $(ARTICLES)))
mkey   := $(subst /,_,$(abspath $(MODEL)))
QDIR   := build/quotes/$(akey)
VDIR   := build/vectors/$(akey)/$(mkey)
PDIR   := build/predictions/$(akey)/$(mkey)
MODEL_FILES := $(MODEL)/stance.model $(MODEL)/vocab.txt $(MODEL)/labels.txt
REPORT_FILES := $(REPORTS)/quotes.csv $(REPORTS)/articles.csv \
	$(REPORTS)/speakers.csv

run: $(REPORT_FILES)

$(QDIR)/%.csv: $(ARTICLES)/%.txt bin/stance-tokenize
	@mkdir -p $(@D)
	bin/stance-tokenize -o $@ $<

$(VDIR)/%.svm: $(QDIR)/%.csv bin/stance-features $(MODEL_FILES)
	@mkdir -p $(@D)
	bin/stance-features -m $(MODEL) -o $@ $<

$(PDIR)/%.csv: $(VDIR)/%.svm bin/stance-classify $(MODEL_FILES)
	@mkdir -p $(@D)
	bin/stance-classify -m $(MODEL) -o $@ $<

$(REPORT_FILES) &: $(ids:%=$(QDIR)/%.csv) $(ids:%=$(PDIR)/%.csv) \
		bin/stance-report
	@mkdir -p $(REPORTS)
	bin/stance-report -d $(REPORTS) $(if $(EXCEL),--excel) \
		$(foreach i,$(ids),$(QDIR)/$(i).csv $(PDIR)/$(i).csv)

# A labelling sheet for the articles of ARTICLES, least confident first.
TODO = $(CORPUS)/annotations/todo-$(shell date +%Y-%m-%d).csv
annotate: $(ids:%=$(QDIR)/%.csv) $(ids:%=$(PDIR)/%.csv) bin/stance-report
	bin/stance-report --todo $(TODO) $(if $(EXCEL),--excel) \
		$(foreach i,$(ids),$(QDIR)/$(i).csv $(PDIR)/$(i).csv)
	@echo "label the stance column of $(TODO), move the articles into $(CORPUS)/articles, then: make train"

# Retraining is asked for, never implied: the shipped model must not be
# rebuilt behind a user's back because a fresh clone's timestamps differ.
ANNOTATIONS = $(sort $(wildcard $(CORPUS)/annotations/*.csv))
train: bin/stance-train
	bin/stance-train -a $(CORPUS)/articles -o $(MODEL) $(ANNOTATIONS)

# Cross-validation grouped by article and by speaker, baselines, feature
# ablations, and scikit-learn on the same folds.
EVAL = $(REPORTS)/eval
eval: bin/stance-eval
	@mkdir -p $(EVAL)
	bin/stance-eval -a $(CORPUS)/articles -d $(EVAL) $(ANNOTATIONS)
	scripts/install-deps eval
	scripts/compare-sklearn $(EVAL)

# ---- tests -------------------------------------------------------------

TEST_SRC := $(sort $(wildcard tests/unit/*.c))
TEST_OBJ := $(TEST_SRC:tests/unit/%.c=build/obj/tests/%.o)

build/obj/tests/%.o: tests/unit/%.c | build/deps.ok
	@mkdir -p $(@D)
	$(CC) $(ST_CFLAGS) $(CFLAGS) -c -o $@ $<

build/unit-tests: $(TEST_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIB) $(LDLIBS) \
		$$(pkg-config --libs check)

check: build/unit-tests $(BINS)
	build/unit-tests
	tests/run-tests

clean:
	rm -rf build bin

.PHONY: all run train eval annotate check clean

-include $(LIB_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(STAGES:%=build/obj/%.d)
