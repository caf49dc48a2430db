/* dateline.h - an article's date and source, from its dateline or byline
 * or from its file name.
 *
 * Only the first paragraphs are read (ST_DATELINE_PARAS of them), and in
 * them only what stands where a dateline or a date line stands, so that a
 * date the story mentions ("on March 10 it renounced ...") is not taken
 * for the article's:
 *   - a paragraph that opens with a dateline: an upper-case place, a comma
 *     and a date, "YEREVAN, May 22 /ARKA/." or "MOSCOW, June 12, 2024
 *     (Reuters) -"; a date without a year takes the year of the file
 *     name's date, else of the first year (19xx, 20xx) in the first
 *     paragraphs, else it is not used;
 *   - a short paragraph (a date or byline line, at most 120 bytes) or the
 *     opening of a paragraph holding a whole date: "June 12, 2024",
 *     "12 June 2024", "22.05.2023", "2024-06-12", with an optional weekday
 *     and time around it ("Published: 22.05.2023 14:05").
 * Failing those, the date is the YYYY-MM-DD that the article id begins
 * with ("2024-06-12-csto-summit").  Months are English names or their
 * abbreviations, in any case.
 *
 * The source is the agency the dateline names: "/ARKA/" gives ARKA,
 * "(Reuters)" Reuters, "(AP)" AP, "ARMENPRESS" Armenpress; "" when there
 * is none.  Library code: nothing here prints or exits. */
#ifndef STANCE_DATELINE_H
#define STANCE_DATELINE_H

#include <stddef.h>

#define ST_DATELINE_PARAS 5

struct st_quotes;

/* The date and source of the article id with text text[0..len) (UTF-8).
 * date gets "YYYY-MM-DD" or "" (it holds 11 bytes); source gets the
 * agency or "" (cut to size bytes, terminated).  Returns 1 when a date
 * was found, 0 when not. */
int st_article_date(const char *id, const char *text, size_t len,
                    char *date, char *source, size_t size);

/* Is s a real day in the form YYYY-MM-DD? */
int st_valid_date(const char *s);

/* Set the date and source of the quotes qs->q[from..qs->n) (an article's
 * quotes just extracted). */
void st_quotes_set_date(struct st_quotes *qs, size_t from, const char *date,
                        const char *source);

#endif
