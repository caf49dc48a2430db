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

#endif
