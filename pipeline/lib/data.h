/* data.h - the data files of pipeline/data/, compiled into the programs
 * (see scripts/embed) so that an installed binary needs no data path. */
#ifndef STANCE_DATA_H
#define STANCE_DATA_H

extern const char st_data_cues[];		/* cue verbs, every form */
extern const char st_data_roles[];		/* role word<TAB>class */
extern const char st_data_nonames[];		/* never part of a name */
extern const char st_data_female_names[];	/* for "she" */
extern const char st_data_male_names[];		/* for "he" */
extern const char st_data_labels[];		/* the default labels */
extern const char st_data_function_words[];
extern const char st_data_determiners[];
extern const char st_data_prepositions[];	/* end an inverted group */
extern const char st_data_gap_words[];		/* subject ... cue verb */
extern const char st_data_org_nouns[];
extern const char st_data_abbreviations[];
extern const char st_data_pronouns[];		/* word<TAB>class */
extern const char st_data_name_context[];	/* names, titles in marks */
extern const char st_data_person_nouns[];	/* noun[<TAB>alias] */
extern const char st_data_group_stop_words[];	/* never in a group */
extern const char st_data_conjunctions[];	/* start a new clause */
extern const char st_data_clause_words[];	/* word<TAB>class */
extern const char st_data_actors[];		/* the actor dictionary */

#endif
