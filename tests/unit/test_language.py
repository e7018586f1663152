"""``copydesk.ingest.language``: English is checked, a text plainly in another language is not."""

from __future__ import annotations

import pytest

from copydesk.ingest.language import foreign_language

ENGLISH = (
    "The harbour board in Westhaven voted on Tuesday to close the old ferry terminal by the end of "
    "the year, after a survey found that the pier was no longer safe for heavy vehicles. The "
    "chairman, Ruth Okafor, said the decision had not been taken lightly and that the board would "
    "look at ways to keep a passenger service running from the marina while a new terminal is built."
)
FRENCH = (
    "Le conseil municipal de Rouen a voté mardi soir la fermeture de l'ancienne gare maritime avant "
    "la fin de l'année, après qu'une étude a montré que la jetée n'était plus sûre pour les poids "
    "lourds. Le président du conseil a déclaré que la décision n'avait pas été prise à la légère et "
    "que la ville chercherait des solutions pour maintenir un service de passagers depuis le port."
)
GERMAN = (
    "Der Stadtrat von Bremen hat am Dienstagabend beschlossen, das alte Fährterminal bis zum Ende "
    "des Jahres zu schließen, nachdem eine Untersuchung gezeigt hatte, dass die Anlegestelle für "
    "schwere Fahrzeuge nicht mehr sicher ist. Der Vorsitzende sagte, die Entscheidung sei nicht "
    "leichtfertig getroffen worden und die Stadt werde nach einer Lösung für die Fahrgäste suchen."
)
RUSSIAN = (
    "Городской совет во вторник проголосовал за закрытие старого паромного терминала до конца "
    "года после того, как проверка показала, что причал больше не безопасен для грузовиков."
)


@pytest.mark.parametrize("text, language", [
    (FRENCH, "French"), (GERMAN, "German"), (RUSSIAN + " " + RUSSIAN, "Cyrillic script"),
])
def test_a_text_plainly_in_another_language_is_named(text, language):
    assert foreign_language(text) == language


@pytest.mark.parametrize("text", [
    ENGLISH,
    # English with a quoted French passage and foreign names stays English
    ENGLISH + " The mayor of Rouen, Jean-Pierre Lefèvre, replied: « Nous sommes prêts à aider la "
    "ville, mais pas à n'importe quel prix. »",
    "Le Monde: Macron à Berlin",  # too short to tell
])
def test_english_and_short_or_mixed_text_is_not_called_foreign(text):
    assert foreign_language(text) is None


WINES = (
    "Our wines of the month\n\n"
    "Domaine de la Croix Saint-Vincent 2021, £16, Majestic. Soft and round, a crowd pleaser.\n"
    "Château des Trois Moulins Bordeaux Supérieur 2019, £22, Waitrose. Firm, with plenty of fruit.\n"
    "Clos du Mont de la Dame Côtes du Rhône 2022, £12, Tesco. Bright and easy to drink.\n"
    "Domaine du Vieux Chêne Vin de Pays 2023, £9, Aldi. Light, for a weekday supper.\n"
    "Cave de la Vallée des Rois Crémant de Loire, £15, Lidl. Fine bubbles and a long finish.\n"
)
PROGRAMME = (
    "Summer opera in the park: the programme\n\n"
    "18:00 La donna è mobile, Garden Stage\n18:30 Le nozze di Figaro, the overture, Lawn\n"
    "19:00 Che gelida manina, Garden Stage\n19:30 Il dolce suono, Lawn\n"
    "20:00 O mio babbino caro, Garden Stage\n20:30 Là ci darem la mano, Lawn\n"
    "21:00 Nessun dorma, the finale, Garden Stage\n"
)
REVIEW = (
    "Our verdict: the best trattoria in the county. Book ahead for the weekend.\n\n"
    "Antipasti: fiori di zucca fritti £8; polpo alla griglia con patate £13; crudo di ricciola £12\n"
    "Primi: pici all'aglione £14; pappardelle al cinghiale £16; risotto alla milanese £15\n"
    "Secondi: bistecca alla fiorentina £32; baccalà alla livornese £19; trippa alla romana £14\n"
)


@pytest.mark.parametrize("text", [WINES, PROGRAMME, REVIEW])
def test_lists_of_foreign_names_and_an_english_review_with_its_menu_stay_english(text):
    assert foreign_language(text) is None


def test_the_desk_reports_a_foreign_text_as_an_input_error(desk):
    report = desk.check_text(FRENCH, source="rouen.txt")
    assert report.error is not None and report.error.kind == "language"
    assert "French" in report.error.message and report.findings == []


def test_judging_a_text_loads_no_other_language_s_word_list():
    # the 26 languages' lists would hold about a gigabyte in every checking process: the check
    # reads its shipped function words, and wordfreq's list of English only
    import subprocess
    import sys

    code = ("import wordfreq\nfrom copydesk.ingest.language import foreign_language\n"
            f"assert foreign_language({FRENCH!r}) == 'French'\n"
            "print(wordfreq.get_frequency_dict.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout.strip()) <= 1
