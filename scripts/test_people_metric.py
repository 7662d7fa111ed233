"""Hand-made cases for the people-facet metric: `python3 -m unittest scripts/test_people_metric.py`."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from people_metric import (  # noqa: E402
    entities,
    facet_counts,
    gold_strings,
    lenient_counts,
    normalize,
    related,
    score,
)


def doc(*names, byline=None, mentions=None):
    d = {"id": "d", "persons": list(names), "byline": byline}
    if mentions is not None:
        d["person_mentions"] = mentions
    return d


class Normalise(unittest.TestCase):
    def test_readme_examples(self):
        self.assertEqual(normalize("Kim Jong-un"), ("kim", "jong-un"))
        self.assertEqual(normalize("T.O'Gorman"), ("t", "ogorman"))
        self.assertEqual(normalize("José Ramos-Horta"), ("jose", "ramos-horta"))

    def test_stray_hyphens_and_curly_apostrophes(self):
        self.assertEqual(normalize("- Smith -"), ("smith",))
        self.assertEqual(normalize("O’Neill"), ("oneill",))
        self.assertEqual(normalize("Ronald Reagan's"), ("ronald", "reagans"))


class Related(unittest.TestCase):
    def test_contiguous_runs_only(self):
        self.assertTrue(related(("pompeo",), ("mike", "pompeo")))
        self.assertTrue(related(("mike",), ("mike", "pompeo")))
        self.assertFalse(related(("pompeo", "mike"), ("mike", "pompeo")))
        self.assertFalse(related(("a", "c"), ("a", "b", "c")))


class Entities(unittest.TestCase):
    def test_grouping_is_transitive(self):
        ents = entities(gold_strings(doc("Mike Pompeo", "Pompeo", "Mike")))
        self.assertEqual(len(ents), 1)

    def test_ambiguous_surname_is_no_entity(self):
        ents = entities(gold_strings(doc("John Smith", "Mary Smith", "Smith")))
        self.assertEqual(sorted(sorted(e) for e in ents), [[("john", "smith")], [("mary", "smith")]])

    def test_byline_mention_is_dropped_but_other_mentions_count(self):
        mentions = [[0, 15, "Peter Blackburn"], [40, 49, "Blackburn"]]
        d = doc(byline=[0, 15, "Peter Blackburn"], mentions=mentions)
        self.assertEqual(gold_strings(d), [("blackburn",)])
        only_byline = doc(byline=[0, 15, "Peter Blackburn"], mentions=mentions[:1])
        self.assertEqual(gold_strings(only_byline), [])


class Facet(unittest.TestCase):
    def counts(self, gold, predicted):
        c = facet_counts(doc(*gold), predicted)
        return c.correct_predicted, c.predicted, c.gold

    def test_fullest_name_is_credited_once(self):
        self.assertEqual(self.counts(["Mike Pompeo", "Pompeo"], ["Mike Pompeo"]), (1, 1, 1))
        self.assertEqual(self.counts(["Mike Pompeo", "Pompeo"], ["Mike Pompeo", "Pompeo"]), (1, 2, 1))
        self.assertEqual(self.counts(["Mike Pompeo", "Pompeo"], ["Pompeo"]), (0, 1, 1))

    def test_titles_possessives_and_spelling_variants_are_wrong(self):
        self.assertEqual(self.counts(["Mike Pompeo"], ["Secretary Mike Pompeo"]), (0, 1, 1))
        self.assertEqual(self.counts(["Mike Pompeo"], ["Mike Pompeo's"]), (0, 1, 1))
        self.assertEqual(self.counts(["Kim Jong-un"], ["Kim Jong Un"]), (0, 1, 1))

    def test_duplicates_by_normalisation_count_once(self):
        self.assertEqual(self.counts(["Mike Pompeo"], ["Mike Pompeo", "mike  pompeo", "MIKE POMPEO"]), (1, 1, 1))

    def test_one_token_entity_accepts_given_name_but_not_title(self):
        self.assertEqual(self.counts(["Agassi"], ["Andre Agassi"]), (1, 1, 1))
        self.assertEqual(self.counts(["Agassi"], ["President Agassi"]), (0, 1, 1))
        self.assertEqual(self.counts(["Agassi"], ["Agassi"]), (1, 1, 1))
        self.assertEqual(self.counts(["Agassi"], ["Andre Kirk Agassi"]), (0, 1, 1))

    def test_each_entity_and_name_credited_at_most_once_with_maximum_pairing(self):
        # Both predictions could go to Agassi; only "Andre Agassi" can go to nobody else,
        # and the maximum pairing gives "Agassi" to Agassi and "Pete Sampras" to Sampras.
        got = self.counts(["Agassi", "Pete Sampras"], ["Andre Agassi", "Agassi", "Pete Sampras"])
        self.assertEqual(got, (2, 3, 2))

    def test_empty_prediction_and_empty_gold(self):
        self.assertEqual(self.counts([], []), (0, 0, 0))
        self.assertEqual(self.counts(["Mike Pompeo"], []), (0, 0, 1))


class Lenient(unittest.TestCase):
    def test_partial_and_over_long_names_are_forgiven(self):
        c = lenient_counts(doc("Mike Pompeo", "Pompeo"), ["Pompeo", "Secretary Mike Pompeo", "Seoul"])
        self.assertEqual((c.correct_predicted, c.predicted, c.credited, c.gold), (2, 3, 1, 1))


class Score(unittest.TestCase):
    def test_micro_average_over_documents_and_missing_predictions(self):
        docs = [dict(doc("Mike Pompeo"), id="a"), dict(doc("Joe Biden", "Moon Jae-in"), id="b")]
        facet, _ = score(docs, {"a": ["Mike Pompeo", "Seoul"]})
        self.assertAlmostEqual(facet.precision(), 0.5)
        self.assertAlmostEqual(facet.recall(), 1 / 3)
        self.assertAlmostEqual(facet.f1(), 0.4)


if __name__ == "__main__":
    unittest.main()
