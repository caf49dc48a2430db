/* test_attribution.c - the speaker and context of each quote
 * (extract/attribution.c). */
#include <stdio.h>
#include <check.h>

#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/doc.h"
#include "suites.h"

static struct st_quotes qs;

static void setup(void)
{
	test_doc_setup();
	st_quotes_init(&qs);
}

static void teardown(void)
{
	st_quotes_finish(&qs);
	test_doc_teardown();
}

static size_t run(const char *text)
{
	return test_doc_quotes(text, strlen(text), &qs);
}

START_TEST(test_subject_of_a_cue)
{
	static const char text[] = "Aram Kelikyan has said so. Local "
		"officials said no. Armenia cannot unilaterally declare it.";
	struct st_doc *d = test_doc_run(text, strlen(text));
	struct st_who w;
	int v;

	v = test_tok(d, "said", 0);
	w = st_subject(d, v, 0, d->nt);
	ck_assert_int_eq(w.person, 0);
	v = test_tok(d, "said", 1);
	w = st_subject(d, v, st_sent_start(d, v), d->nt);
	ck_assert_int_eq(w.person, -1);
	ck_assert_int_eq(w.g0, test_tok(d, "Local", 0));
	ck_assert_int_eq(w.g1, v);
	ck_assert_int_eq(st_found(d, &w), 1);
	v = test_tok(d, "declare", 0);
	w = st_subject(d, v, st_sent_start(d, v), d->nt);
	ck_assert_int_eq(w.g0, test_tok(d, "Armenia", 0));
	ck_assert_int_eq(st_found(d, &w), 0);
}
END_TEST

START_TEST(test_cue_after_the_quote)
{
	ck_assert_uint_eq(run("Aram Kelikyan, a minister, spoke.\n"
	                      "\"We stay,\" Kelikyan said. \"We go,\" said "
	                      "Lilit Avagyan. \"We wait\" - Aram Kelikyan.\n"), 3);
	ck_assert_str_eq(qs.q[0].speaker, "Aram Kelikyan");
	ck_assert_str_eq(qs.q[0].role, "minister");
	ck_assert_str_eq(qs.q[0].context, "said");
	ck_assert_str_eq(qs.q[1].speaker, "Lilit Avagyan");
	ck_assert_str_eq(qs.q[1].role, "");
	ck_assert_str_eq(qs.q[2].speaker, "Aram Kelikyan");
}
END_TEST

START_TEST(test_cue_before_the_quote)
{
	ck_assert_uint_eq(run("Lilit Avagyan said: \"We stay.\" According to "
	                      "Aram Kelikyan, \"We go now.\"\nOfficials told "
	                      "reporters that \"nothing had changed\".\n"), 3);
	ck_assert_str_eq(qs.q[0].speaker, "Lilit Avagyan");
	ck_assert_int_eq(qs.q[0].kind, ST_FULL);
	ck_assert_str_eq(qs.q[1].speaker, "Aram Kelikyan");
	ck_assert_int_eq(qs.q[1].kind, ST_FULL);
	ck_assert_str_eq(qs.q[2].speaker, "Officials");
	ck_assert_int_eq(qs.q[2].kind, ST_PARTIAL);
	ck_assert_str_eq(qs.q[2].context, "Officials told reporters that");
}
END_TEST

START_TEST(test_groups)
{
	ck_assert_uint_eq(run("\"We will not sign it,\" the Kremlin said in a "
	                      "statement.\n"
	                      "\"Get out of the bloc,\" shouted demonstrators "
	                      "outside the building.\n"
	                      "\"There is no deal,\" it said.\n"), 3);
	ck_assert_str_eq(qs.q[0].speaker, "the Kremlin");
	ck_assert_str_eq(qs.q[1].speaker, "demonstrators");
	/* "it" is no speaker: the speaker of the quote in the paragraph
	 * before */
	ck_assert_str_eq(qs.q[2].speaker, "demonstrators");
}
END_TEST

START_TEST(test_partial_quote_and_scare_quotes)
{
	ck_assert_uint_eq(run("The \"reform\" went on.\n"), 0);
	ck_assert_uint_eq(run("Aram Kelikyan called the offer \"hollow and "
	                      "late\".\n"), 1);
	ck_assert_str_eq(qs.q[0].speaker, "Aram Kelikyan");
	ck_assert_int_eq(qs.q[0].kind, ST_PARTIAL);
	ck_assert_str_eq(qs.q[0].text, "hollow and late");
	ck_assert_str_eq(qs.q[0].context, "called the offer");
}
END_TEST

START_TEST(test_lead_in_and_inherited)
{
	ck_assert_uint_eq(run("Aram Kelikyan, a minister, told reporters:\n"
	                      "\"We stay in the bloc.\"\n"
	                      "\"And we will not leave.\"\n"
	                      "The talks ended.\n"
	                      "\"Nobody knows.\"\n"), 3);
	ck_assert_str_eq(qs.q[0].speaker, "Aram Kelikyan");
	ck_assert_str_eq(qs.q[1].speaker, "Aram Kelikyan");
	ck_assert_str_eq(qs.q[1].context, qs.q[0].context);
	/* two paragraphs after the last quote: nobody */
	ck_assert_str_eq(qs.q[2].speaker, "");
}
END_TEST

START_TEST(test_quote_paragraph_after_its_speaker)
{
	ck_assert_uint_eq(run("Foreign Ministry spokeswoman Lusine Tashchyan "
	                      "commented on the statement on Monday.\n"
	                      "\"Our countries remain partners. We hope the "
	                      "leadership will see it.\"\n"
	                      "The ministry gave no details.\n"
	                      "\"Nobody asked us.\" Then they left.\n"), 2);
	ck_assert_str_eq(qs.q[0].speaker, "Lusine Tashchyan");
	ck_assert_str_eq(qs.q[0].role, "Foreign Ministry spokeswoman");
	/* no cue verb before it, and not a paragraph of its own */
	ck_assert_str_eq(qs.q[1].speaker, "");
}
END_TEST

START_TEST(test_nominal_group_is_a_person)
{
	ck_assert_uint_eq(run("Deputy Prime Minister Aram Kelikyan arrived.\n"
	                      "\"We stay,\" the deputy prime minister said.\n"),
	                  1);
	ck_assert_str_eq(qs.q[0].speaker, "Aram Kelikyan");
	ck_assert_str_eq(qs.q[0].role, "Deputy Prime Minister");
}
END_TEST

START_TEST(test_nominal_anaphora)
{
	ck_assert_uint_eq(run("Prime Minister Aram Kelikyan met Gor Vardazaryan, "
	                      "an opposition lawmaker, on Monday.\n"
	                      "\"The bloc has done nothing for us,\" the "
	                      "politician said.\n"
	                      "\"We will not go back,\" the Armenian premier "
	                      "told reporters.\n"
	                      "\"Nothing is decided,\" said the PM.\n"
	                      "\"It is over,\" an expert said.\n"), 4);
	/* no role says "politician": the last person named */
	ck_assert_str_eq(qs.q[0].speaker, "Gor Vardazaryan");
	ck_assert_str_eq(qs.q[0].role, "opposition lawmaker");
	/* "premier" and "PM" are short for "prime minister" */
	ck_assert_str_eq(qs.q[1].speaker, "Aram Kelikyan");
	ck_assert_str_eq(qs.q[1].role, "Prime Minister");
	ck_assert_str_eq(qs.q[2].speaker, "Aram Kelikyan");
	/* "an expert" is somebody new */
	ck_assert_str_eq(qs.q[3].speaker, "an expert");
}
END_TEST

START_TEST(test_head_of_and_title_phrases)
{
	ck_assert_uint_eq(run("Aram Kelikyan, the Prime Minister, arrived.\n"
	                      "\"We stay,\" head of the Armenian government "
	                      "said.\n"
	                      "\"We wait,\" Armenian Prime Minister said.\n"),
	                  2);
	ck_assert_str_eq(qs.q[0].speaker, "Aram Kelikyan");
	ck_assert_str_eq(qs.q[1].speaker, "Aram Kelikyan");
}
END_TEST

START_TEST(test_name_in_marks_inside_the_attribution)
{
	/* the faction's name in marks neither ends the attribution nor
	 * hides the speaker from the cue verb */
	ck_assert_uint_eq(run("The authorities need a \"veil,\" Gor "
	                      "Vardazaryan, head of the \"Unity Front\" "
	                      "opposition faction, commented on Monday.\n"), 1);
	ck_assert_str_eq(qs.q[0].text, "veil,");
	ck_assert_int_eq(qs.q[0].kind, ST_PARTIAL);
	ck_assert_str_eq(qs.q[0].speaker, "Gor Vardazaryan");
	ck_assert_str_eq(qs.q[0].role,
	                 "head of the \"Unity Front\" opposition faction");
}
END_TEST

START_TEST(test_partial_before_its_cue)
{
	ck_assert_uint_eq(run("Armenia has \"frozen\" its part in the work, "
	                      "Foreign Minister Vahram Tashchyan told a "
	                      "channel.\n"), 1);
	ck_assert_str_eq(qs.q[0].speaker, "Vahram Tashchyan");
	ck_assert_int_eq(qs.q[0].kind, ST_PARTIAL);
	/* a new clause after the comma has a subject of its own */
	ck_assert_uint_eq(run("The bloc is a \"closed chapter\" now, and Vahram "
	                      "Tashchyan said it would not reopen.\n"), 0);
}
END_TEST

START_TEST(test_subject_before_an_appositive)
{
	ck_assert_uint_eq(run("Vahe Karapetyants, whose party is led by former "
	                      "President Grigor Hakobyants, said: \"We should "
	                      "repair the roof.\"\n"), 1);
	ck_assert_str_eq(qs.q[0].speaker, "Vahe Karapetyants");
	/* a relative clause is no role */
	ck_assert_str_eq(qs.q[0].role, "");
	/* the ministry's statement names the prime minister, who is not
	 * the one who said it */
	ck_assert_uint_eq(run("The Russian Foreign Ministry said Prime Minister "
	                      "Aram Kelikyan was \"rewriting the history of the "
	                      "war\".\n"), 1);
	ck_assert_str_eq(qs.q[0].speaker, "The Russian Foreign Ministry");
}
END_TEST

START_TEST(test_organisation_named_before)
{
	ck_assert_uint_eq(run("The Kentron TV channel reported on the article.\n"
	                      "\"It reads like a warning,\" the channel "
	                      "noted.\n"
	                      "A senior source in the Russian Foreign Ministry "
	                      "spoke to an agency.\n"
	                      "The source said it was \"a script written "
	                      "elsewhere\".\n"), 2);
	ck_assert_str_eq(qs.q[0].speaker, "The Kentron TV channel");
	ck_assert_str_eq(qs.q[1].speaker,
	                 "A senior source in the Russian Foreign Ministry");
	/* with no capital in it, "The company" is no name */
	ck_assert_uint_eq(run("The company said little.\n\"We wait,\" the "
	                      "company said.\n"), 1);
	ck_assert_str_eq(qs.q[0].speaker, "the company");
}
END_TEST

START_TEST(test_nominal_with_a_preposition)
{
	ck_assert_uint_eq(run("Kremlin spokesman Grigory Avanesov spoke on "
	                      "Friday.\n\"No calls are planned\" - said the "
	                      "spokesman for the Kremlin.\n"), 1);
	ck_assert_str_eq(qs.q[0].speaker, "Grigory Avanesov");
	ck_assert_str_eq(qs.q[0].role, "Kremlin spokesman");
}
END_TEST

START_TEST(test_attribution_at_the_end_of_a_quotation)
{
	ck_assert_uint_eq(run("Prime Minister Aram Kelikyan spoke on Sunday.\n"
	                      "\"Our soldiers trained with them for years.\n"
	                      "\"Next year we train with others,\" Kelikyan "
	                      "added.\n"), 2);
	ck_assert_str_eq(qs.q[0].speaker, "Aram Kelikyan");
	ck_assert_str_eq(qs.q[1].speaker, "Aram Kelikyan");
}
END_TEST

START_TEST(test_paper_named_in_marks_speaks)
{
	ck_assert_uint_eq(run("\"Lusaber\" brands Prime Minister Aram Kelikyan "
	                      "as \"a man of the old guard\".\n"
	                      "PM Kelikyan said: \"Nothing will change.\"\n"),
	                  2);
	ck_assert_str_eq(qs.q[0].speaker, "Lusaber");
	/* "PM" is a title, not a name */
	ck_assert_str_eq(qs.q[1].speaker, "Aram Kelikyan");
}
END_TEST

START_TEST(test_in_his_words)
{
	ck_assert_uint_eq(run("Prime Minister Aram Kelikyan told a broadcaster "
	                      "that mediators were needed.\n"
	                      "In his words, the country faces \"a danger to "
	                      "its very survival.\"\n"), 1);
	ck_assert_str_eq(qs.q[0].speaker, "Aram Kelikyan");
	ck_assert_int_eq(qs.q[0].kind, ST_PARTIAL);
}
END_TEST

START_TEST(test_verb_phrase_is_no_group)
{
	/* "Armenia cannot unilaterally" is no speaker */
	ck_assert_uint_eq(run("Armenia cannot unilaterally declare \"a pause "
	                      "in membership\" now.\n"), 0);
	ck_assert_uint_eq(run("The authorities decided to declare \"a pause "
	                      "in membership\" now.\n"), 0);
}
END_TEST

/* a sentence of many cue verbs before a quote stays linear: the cue
 * nearest the quote is tried first */
START_TEST(test_many_cues_before_a_quote)
{
	struct st_buf b = ST_BUF_INIT;
	size_t k;

	for (k = 0; k < 40000; k++)
		st_buf_adds(&b, "said ");
	st_buf_adds(&b, "Aram Kelikyan said: \"We stay.\"\n");
	ck_assert_uint_eq(test_doc_quotes(b.s, b.len, &qs), 1);
	ck_assert_str_eq(qs.q[0].speaker, "Aram Kelikyan");
	st_buf_finish(&b);
}
END_TEST

/* speaker_confidence: the value of the rule that gave the speaker
 * (the table in extract/attribution.c). */
static void conf_is(size_t k, const char *speaker, double conf)
{
	ck_assert_uint_lt(k, qs.n);
	ck_assert_str_eq(qs.q[k].speaker, speaker);
	ck_assert_double_eq_tol(qs.q[k].speaker_confidence, conf, 1e-9);
}

START_TEST(test_speaker_confidence)
{
	/* a full name that is the subject of the cue verb */
	ck_assert_uint_eq(run("Lilit Avagyan said: \"We stay here.\"\n"), 1);
	conf_is(0, "Lilit Avagyan", 1.0);
	/* a surname standing for the full name named before */
	ck_assert_uint_eq(run("Aram Kelikyan, a minister, spoke on Monday.\n"
	                      "\"We go now,\" Kelikyan said.\n"), 1);
	conf_is(0, "Aram Kelikyan", 0.9);
	/* a pronoun in the sentence after the name; three sentences on */
	ck_assert_uint_eq(run("Aram Kelikyan spoke on Monday. \"We wait,\" he "
	                      "said.\n"), 1);
	conf_is(0, "Aram Kelikyan", 0.8);
	ck_assert_uint_eq(run("Aram Kelikyan spoke on Monday. The hall was "
	                      "full. The vote was put off. \"We wait,\" he "
	                      "said.\n"), 1);
	conf_is(0, "Aram Kelikyan", 0.6);
	/* a nominal resolved to the last person whose role fits */
	ck_assert_uint_eq(run("Aram Kelikyan, the defence minister, arrived on "
	                      "Monday. The hall was full. \"We wait,\" the "
	                      "minister said.\n"), 1);
	conf_is(0, "Aram Kelikyan", 0.6);
	/* a group as the subject */
	ck_assert_uint_eq(run("Officials said: \"We stay here.\"\n"), 1);
	conf_is(0, "Officials", 0.8);
	/* the same paragraph keeps the value, the next paragraph inherits
	 * 0.5 */
	ck_assert_uint_eq(run("\"We stay,\" said Lilit Avagyan. \"We will not "
	                      "move.\"\n\"Nobody will make us leave.\"\n"), 3);
	conf_is(0, "Lilit Avagyan", 1.0);
	conf_is(1, "Lilit Avagyan", 1.0);
	conf_is(2, "Lilit Avagyan", 0.5);
	ck_assert_uint_eq(run("Aram Kelikyan, a minister, spoke on Monday.\n"
	                      "\"We go now,\" Kelikyan said.\n"
	                      "\"We will be back.\"\n"), 2);
	conf_is(0, "Aram Kelikyan", 0.9);
	conf_is(1, "Aram Kelikyan", 0.5);
	/* a lead-in paragraph with a cue verb; a paragraph all quote after
	 * one whose subject spoke */
	ck_assert_uint_eq(run("Lilit Avagyan said on Monday:\n"
	                      "\"We stay here.\"\n"), 1);
	conf_is(0, "Lilit Avagyan", 1.0);
	ck_assert_uint_eq(run("Lilit Avagyan commented on the vote on Monday.\n"
	                      "\"We stay here.\"\n"), 1);
	conf_is(0, "Lilit Avagyan", 0.5);
	/* guesses: the first person named, without a cue verb; "according
	 * to the ministry"; a one-word label */
	ck_assert_uint_eq(run("Lilit Avagyan, a minister, left the hall after "
	                      "a \"hollow\" debate.\n"), 1);
	conf_is(0, "Lilit Avagyan", 0.4);
	ck_assert_uint_eq(run("Lilit Avagyan, a minister, was blunt: \"We stay "
	                      "here.\"\n"), 1);
	conf_is(0, "Lilit Avagyan", 0.4);
	ck_assert_uint_eq(run("According to the ministry, \"nothing has "
	                      "changed.\"\n"), 1);
	conf_is(0, "the ministry", 0.4);
	ck_assert_uint_eq(run("Zhamanak: \"The summit will change "
	                      "nothing.\"\n"), 1);
	conf_is(0, "Zhamanak", 0.4);
	/* a label with a surname named in full later */
	ck_assert_uint_eq(run("Kelikyan: \"We stay here.\"\nAram Kelikyan, a "
	                      "minister, spoke on Monday.\n"), 1);
	conf_is(0, "Aram Kelikyan", 0.9);
	/* a rival: another person in the attribution, or in the sentence
	 * before a pronoun */
	ck_assert_uint_eq(run("Aram Kelikyan, a minister, spoke on Monday.\n"
	                      "Lilit Avagyan, whose party Aram Kelikyan leads, "
	                      "said: \"We stay here.\"\n"), 1);
	conf_is(0, "Lilit Avagyan", 0.6);
	ck_assert_uint_eq(run("Aram Kelikyan, a minister, spoke on Monday.\n"
	                      "Lilit Avagyan answered Aram Kelikyan. \"We stay,\" "
	                      "she said.\n"), 1);
	conf_is(0, "Lilit Avagyan", 0.6);
	/* nobody: an empty speaker, no value */
	ck_assert_uint_eq(run("\"Nothing is certain here.\"\n"), 1);
	ck_assert_str_eq(qs.q[0].speaker, "");
	ck_assert(qs.q[0].speaker_confidence < 0);
}
END_TEST

Suite *attribution_suite(void)
{
	Suite *s = suite_create("attribution");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_subject_of_a_cue);
	tcase_add_test(tc, test_cue_after_the_quote);
	tcase_add_test(tc, test_cue_before_the_quote);
	tcase_add_test(tc, test_groups);
	tcase_add_test(tc, test_partial_quote_and_scare_quotes);
	tcase_add_test(tc, test_lead_in_and_inherited);
	tcase_add_test(tc, test_nominal_group_is_a_person);
	tcase_add_test(tc, test_quote_paragraph_after_its_speaker);
	tcase_add_test(tc, test_nominal_anaphora);
	tcase_add_test(tc, test_head_of_and_title_phrases);
	tcase_add_test(tc, test_verb_phrase_is_no_group);
	tcase_add_test(tc, test_in_his_words);
	tcase_add_test(tc, test_paper_named_in_marks_speaks);
	tcase_add_test(tc, test_subject_before_an_appositive);
	tcase_add_test(tc, test_organisation_named_before);
	tcase_add_test(tc, test_nominal_with_a_preposition);
	tcase_add_test(tc, test_attribution_at_the_end_of_a_quotation);
	tcase_add_test(tc, test_partial_before_its_cue);
	tcase_add_test(tc, test_name_in_marks_inside_the_attribution);
	tcase_add_test(tc, test_many_cues_before_a_quote);
	tcase_add_test(tc, test_speaker_confidence);
	suite_add_tcase(s, tc);
	return s;
}
