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


def test_the_desk_reports_a_foreign_text_as_an_input_error(desk):
    report = desk.check_text(FRENCH, source="rouen.txt")
    assert report.error is not None and report.error.kind == "language"
    assert "French" in report.error.message and report.findings == []
