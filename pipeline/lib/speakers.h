/* speakers.h - one identity per speaker: who a speaker's name stands for
 * across an article and a batch, one camp for one person's quotes, and
 * what decided a quote's label.
 *
 * A speaker's identity is, in order:
 *   A:ID        the actor the dictionary knows by that name (actors.h);
 *   N:KEY       a person's full name (two or more capitalised words once
 *               titles are stripped), KEY its name key (st_name_fold);
 *   S:KEY       a surname alone, one capitalised word;
 *   R:TEXT      anything else ("officials", "the Armenian opposition"),
 *               as written.
 * st_speaker_merge() then resolves S: to the one full name with that
 * surname, and a full name to the longest full name with the same first
 * and last words ("Arsen Melkonyan" -> "Arsen A. Melkonyan"), when there
 * is exactly one.  Library code: nothing here prints or exits. */
#ifndef STANCE_SPEAKERS_H
#define STANCE_SPEAKERS_H

#include <stddef.h>
#include "actors.h"
#include "util.h"

enum st_ident_kind { ST_ID_NONE, ST_ID_ACTOR, ST_ID_NAME, ST_ID_SURNAME,
                     ST_ID_OTHER };

/* The identity of speaker: its key and the name to show for it (an
 * actor's name, the name without titles, or speaker as written) are
 * appended to key and name.  ST_ID_NONE for an empty speaker. */
enum st_ident_kind st_speaker_key(const struct st_actors *a,
                                  const char *speaker, struct st_buf *key,
                                  struct st_buf *name);
/* The same with speaker's actor already looked up: actor is
 * st_actors_find(a, speaker), or -1. */
enum st_ident_kind st_speaker_key_of(const struct st_actors *a,
                                     const char *speaker, int actor,
                                     struct st_buf *key, struct st_buf *name);

/* For keys[0..n) (from st_speaker_key), canon[i] gets the index of the
 * key that keys[i] resolves to (i itself when none): a surname to the one
 * full name with that last word, a full name to the longest with its
 * first and last words, ties to the first such key; names[] (the shown
 * names) decide which is longest. */
void st_speaker_merge(char *const *keys, char *const *names, size_t n,
                      size_t *canon);

/* One camp for n quotes of one person: out[k] is proportional to the
 * product over the quotes of prob[i * nlabels + k] (probabilities below
 * 1e-12 count as 1e-12), normalised to sum 1.  Returns the index of the
 * largest (the first on a tie). */
int st_combine_probs(const double *prob, size_t n, int nlabels, double *out);

/* What decided a quote labelled label: "actor NAME: ROLE (FROM-TO) CAMP"
 * when the speaker's or the role's actor has an affiliation of that camp
 * on date, else "role words" when role is not empty, else "text".
 * Appended to out. */
void st_evidence(const struct st_actors *a, const char *speaker,
                 const char *role, const char *date, const char *label,
                 struct st_buf *out);
/* The same with the actors looked up: speaker_actor is
 * st_actors_find(a, speaker) and role_actor st_actors_find_role(a, role),
 * or -1; has_role says whether the role is not empty. */
void st_evidence_of(const struct st_actors *a, int speaker_actor,
                    int role_actor, int has_role, const char *date,
                    const char *label, struct st_buf *out);

#endif
