"""Knowledge sources. Each yields records (``copydesk.knowledge.records``) for the store:

- ``shipped``: the reviewed TSV files in ``copydesk/data/kb`` (people, roles, titles,
  organisations, places, acronyms);
- ``countries``: pycountry's countries and subdivisions;
- ``tabular``: a newsroom's own CSV/JSONL lists;
- ``wikidata_dump``: a streamed Wikidata JSON dump (``.json.bz2``/``.json.gz``);
- ``sparql``: the Wikidata SPARQL endpoint (online users only).
"""
