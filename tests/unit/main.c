/* main.c - runs every unit-test suite of libstance. */
#include <stdio.h>
#include <stdlib.h>
#include <check.h>

#include "suites.h"

int main(void)
{
	SRunner *sr = srunner_create(util_suite());
	int failed;

	srunner_add_suite(sr, strmap_suite());
	srunner_add_suite(sr, csvio_suite());
	srunner_add_suite(sr, quote_suite());
	srunner_add_suite(sr, tokens_suite());
	srunner_add_suite(sr, lexicon_suite());
	srunner_add_suite(sr, scan_suite());
	srunner_add_suite(sr, spans_suite());
	srunner_add_suite(sr, mentions_suite());
	srunner_add_suite(sr, roles_suite());
	srunner_add_suite(sr, coref_suite());
	srunner_add_suite(sr, attribution_suite());
	srunner_add_suite(sr, extract_suite());
	srunner_add_suite(sr, feature_suite());
	srunner_add_suite(sr, model_suite());
	srunner_add_suite(sr, linear_suite());
	srunner_add_suite(sr, labels_suite());
	srunner_add_suite(sr, evaluate_suite());
	srunner_add_suite(sr, commit_suite());
	srunner_add_suite(sr, annotations_suite());
	srunner_add_suite(sr, sheet_suite());
	srunner_add_suite(sr, actors_suite());
	srunner_add_suite(sr, dateline_suite());
	srunner_add_suite(sr, speakers_suite());
	srunner_add_suite(sr, people_suite());
	srunner_add_suite(sr, join_suite());
	srunner_add_suite(sr, tally_suite());
	srunner_add_suite(sr, parts_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
