"""Analysis: ``Article`` -> ``AnalysedArticle`` (spaCy plus copydesk's own components)."""
