"""The ``grammar.*`` checks beside ``grammar.confusables``: positive and negative cases per rule."""

from __future__ import annotations

import pytest

from copydesk.checks import (
    grammar_article,
    grammar_could_of,
    grammar_double_auxiliary,
    grammar_doubled_word,
    grammar_missing_word,
    grammar_usage,
    grammar_weekday_abbreviation,
)
from copydesk.checks.grammar_article import vowel_sound
from copydesk.ingest.text import parse_text
from copydesk.knowledge import Knowledge
from copydesk.knowledge.store import KnowledgeBase

NO_KB = Knowledge(kb=KnowledgeBase(":memory:"))
MODULES = (grammar_usage, grammar_article, grammar_doubled_word, grammar_could_of,
           grammar_missing_word, grammar_double_auxiliary, grammar_weekday_abbreviation)


def found(analyser, text):
    analysed = analyser.analyse(parse_text(text), knowledge=NO_KB)
    return [(f.check, f.text, f.suggestion) for m in MODULES for f in m.check(analysed, NO_KB)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Under it's new owners, the paper moved to Leeds.\n", ("grammar.usage", "it's", "its")),
        ("The pensioner, who's home was flooded, was rehoused.\n", ("grammar.usage", "who's", "whose")),
        ("Students can help there family at home.\n", ("grammar.usage", "there", "their")),
        # "they're" takes no finite verb after it: the existential "there" is meant
        ("Officials said their still is no agreement on pay.\n", ("grammar.usage", "their", "there")),
        ("Residents said their still waiting for the council.\n", ("grammar.usage", "their", "they're")),
        ("The tsunami may effect the service sector.\n", ("grammar.usage", "effect", "affect")),
        ("By these laws we loose the moral high ground.\n", ("grammar.usage", "loose", "lose")),
        ("The dispute has lead the firm to consider a sale.\n", ("grammar.usage", "lead", "led")),
        ("The crowd walked passed the town hall.\n", ("grammar.usage", "passed", "past")),
        ("The talks were agreed in principal on Friday.\n", ("grammar.usage", "principal", "principle")),
        ("We know your busy, but please reply.\n", ("grammar.usage", "your", "you're")),
        ("I know who's book this is.\n", ("grammar.usage", "who's", "whose")),
        ("He lead the team to victory last year.\n", ("grammar.usage", "lead", "led")),
        ("She past the exam with ease.\n", ("grammar.usage", "past", "passed")),
        ("There going to the cinema tonight.\n", ("grammar.usage", "There", "They're")),
        ("Your so right about the roads.\n", ("grammar.usage", "Your", "You're")),
        ("Now that your here, the meeting can start.\n", ("grammar.usage", "your", "you're")),
        # a possessive needs its noun before any preposition
        ("If your in trouble, call the helpline.\n", ("grammar.usage", "your", "you're")),
        ("Ask the desk whose on duty this weekend.\n", ("grammar.usage", "whose", "who's")),
        # after "because" or a verb that takes a clause, a predicate adjective makes it a subject
        ("I hope your happy with the result.\n", ("grammar.usage", "your", "you're")),
        ("She said their ready to go.\n", ("grammar.usage", "their", "they're")),
        ("I hope their safe.\n", ("grammar.usage", "their", "they're")),
        # only people praise: a thing that goes well with another complements it
        ("The tart sauce compliments the rich pork.\n", ("grammar.usage", "compliments", "complements")),
        ("Who is to decide whom is a suspect?\n", ("grammar.usage", "whom", "who")),
        ("The match went ahead even thought it was raining.\n", ("grammar.usage", "thought", "though")),
        ("The flight was delayed by a hour.\n", ("grammar.article", "a", "an")),
        ("She studied at an university in Leeds.\n", ("grammar.article", "an", "a")),
        ("It halved its dividend to 17 cents a shares.\n", ("grammar.article", "a shares", "a share")),
        ("Another staple of the the firm's business fell.\n", ("grammar.doubled-word", "the the", "the")),
        ("The council could of acted sooner.\n", ("grammar.could-of", "could of", "could have")),
        ("Sales rose, according a report by the firm.\n", ("grammar.missing-word", "according", "according to")),
        ("But its internet business had has mixed fortunes.\n", ("grammar.double-auxiliary", "had has", "had")),
        ("He would had resigned if asked.\n", ("grammar.double-auxiliary", "would had", "would have")),
        # a word that cannot follow "are" or "is", whatever the tagger made of it
        ("The growers sold they're orchard to a developer.\n", ("grammar.usage", "they're", "their")),
        ("Nobody knows who's fault the outage was.\n", ("grammar.usage", "who's", "whose")),
        ("The singer who's debut album sold a million has retired.\n", ("grammar.usage", "who's", "whose")),
        ("The museum marked it's bicentenary with a concert.\n", ("grammar.usage", "it's", "its")),
        ("Engineers inspected the ferry and it's very old hull.\n", ("grammar.usage", "it's", "its")),
        ("They're were three bids for the contract.\n", ("grammar.usage", "They're", "There")),
        # a possessive needs a noun: a determiner, a bare preposition or a participle's object says otherwise
        ("Was their a vote on the motion?\n", ("grammar.usage", "their", "there")),
        ("The pickets were their at dawn.\n", ("grammar.usage", "their", "there")),
        ("The author, whose published the memoir, lives in Hull.\n", ("grammar.usage", "whose", "who's")),
        ("If their convicted, the two men face jail.\n", ("grammar.usage", "their", "they're")),
        ("Once your through the gate, keep left.\n", ("grammar.usage", "your", "you're")),
        ("I believe your wrong about the cost.\n", ("grammar.usage", "your", "you're")),
        ("The lease says that your responsible for repairs.\n", ("grammar.usage", "your", "you're")),
        ("The growers say there being undercut by imports.\n", ("grammar.usage", "there", "they're")),
        ("No sooner had the vote closed then the protests began.\n", ("grammar.usage", "then", "than")),
        ("The bridge opened a month earlier then planned.\n", ("grammar.usage", "then", "than")),
        ("The board will meet and will than decide.\n", ("grammar.usage", "than", "then")),
        ("The than mayor signed the order.\n", ("grammar.usage", "than", "then")),
        ("The storm past over the town overnight.\n", ("grammar.usage", "past", "passed")),
        ("Buses may not drive passed the school gates.\n", ("grammar.usage", "passed", "past")),
        ("The driver, whom witnesses say was speeding, was arrested.\n", ("grammar.usage", "whom", "who")),
        ("Whom exactly is responsible for the delay?\n", ("grammar.usage", "Whom", "Who")),
        ("The crew, among who were two cadets, was rescued.\n", ("grammar.usage", "who", "whom")),
        ("The striker was complemented by his coach after the match.\n", ("grammar.usage", "complemented", "complimented")),
        ("The old wing is complimented by a glass atrium.\n", ("grammar.usage", "complimented", "complemented")),
        ("Ministers hope to compliment the pension with a lump sum.\n", ("grammar.usage", "compliment", "complement")),
        ("The critics were complementary about her new novel.\n", ("grammar.usage", "complementary", "complimentary")),
        ("The players thanked the fans for their complements.\n", ("grammar.usage", "complements", "compliments")),
        ("The aide was very discrete about the talks.\n", ("grammar.usage", "discrete", "discreet")),
        ("The signal is split into discreet channels.\n", ("grammar.usage", "discreet", "discrete")),
        ("Shoppers were mislead about the offer, the regulator found.\n", ("grammar.usage", "mislead", "misled")),
        ("Staff were lead to believe the site would stay open.\n", ("grammar.usage", "lead", "led")),
        ("The dispute lead to a walkout at the plant.\n", ("grammar.usage", "lead", "led")),
        ("Inspectors tested the water for led after the complaints.\n", ("grammar.usage", "led", "lead")),
        ("Protesters set lose dozens of pigs from the farm.\n", ("grammar.usage", "lose", "loose")),
        ("Nobody likes a bad looser, the coach said.\n", ("grammar.usage", "looser", "loser")),
        ("The tribunal upheld the principal of equal treatment.\n", ("grammar.usage", "principal", "principle")),
        ("The principle finance officer resigned on Monday.\n", ("grammar.usage", "principle", "principal")),
        ("The strike will badly effect commuters this week.\n", ("grammar.usage", "effect", "affect")),
        ("The fault is effecting cash machines across the region.\n", ("grammar.usage", "effecting", "affecting")),
        ("Who's responsibility it is to fix the road remains unclear.\n", ("grammar.usage", "Who's", "Whose")),
        ("Both unions has have signed the deal.\n", ("grammar.double-auxiliary", "has have", "have")),
        ("The statement was published, according those close to the talks.\n", ("grammar.missing-word", "according", "according to")),
        ("The estate has a shops and a pub.\n", ("grammar.article", "a shops", "a shop")),
        ("The hearing is set for Thurs. 21 November.\n", ("grammar.weekday-abbreviation", "Thurs.", "Thursday")),
        ("The Labour-lead council approved the plan.\n", ("grammar.usage", "lead", "led")),
        ("I was were there all along.\n", ("grammar.double-auxiliary", "was were", "was")),
        ("The company said The The firm would appeal.\n", ("grammar.doubled-word", "The The", "The")),
        ("According a letter to parents, the school will close.\n", ("grammar.missing-word", "According", "According to")),
        ("If the vote passes, ministers will would resign.\n", ("grammar.double-auxiliary", "will would", "will")),
        ("The talks resume on Th 21 November.\n", ("grammar.weekday-abbreviation", "Th", "Thursday")),
        ("The vote is due on Tue. 12/03/2024.\n", ("grammar.weekday-abbreviation", "Tue.", "Tuesday")),
        ("The talks resume on Wed 12 March 2025.\n", ("grammar.weekday-abbreviation", "Wed", "Wednesday")),
        ("Polls close Wed 12 March 2025.\n", ("grammar.weekday-abbreviation", "Wed", "Wednesday")),
        ("The museum lost it's oldest painting in the fire.\n", ("grammar.usage", "it's", "its")),
        ("The cyclist, who past a lorry on the hill, was unhurt.\n", ("grammar.usage", "past", "passed")),
        ("The torch was past to the next runner at noon.\n", ("grammar.usage", "past", "passed")),
        ("The parade marched passed crowds of fans.\n", ("grammar.usage", "passed", "past")),
        ("They need a leader whose ready to fight.\n", ("grammar.usage", "whose", "who's")),
        # a participle or a hyphenated compound between "it's" and the noun a verb takes as object
        ("The ferry firm retired it's ageing boats last spring.\n", ("grammar.usage", "it's", "its")),
        ("The council published it's three-year plan for the park.\n", ("grammar.usage", "it's", "its")),
        ("The regulator set out it's final ruling on the merger.\n", ("grammar.usage", "it's", "its")),
        ("The club behaves as if its above the rules.\n", ("grammar.usage", "its", "it's")),
        ("The bakery says its about to close for good.\n", ("grammar.usage", "its", "it's")),
        ("Residents say its high time the road was fixed.\n", ("grammar.usage", "its", "it's")),
        ("The striker, whose about to retire, scored twice.\n", ("grammar.usage", "whose", "who's")),
        ("The novelist, whose written nine books, lives in Hull.\n", ("grammar.usage", "whose", "who's")),
        ("Their used to be a bank on this corner.\n", ("grammar.usage", "Their", "There")),
        ("She left the bags over their.\n", ("grammar.usage", "their", "there")),
        ("Stack the chairs over they're.\n", ("grammar.usage", "they're", "there")),
        ("The candidate said he was tired of people who's only aim was to win.\n", ("grammar.usage", "who's", "whose")),
        # "effect" as a verb on people, things or qualities: one affects them
        ("The new tolls will effect commuters from the valleys.\n", ("grammar.usage", "effect", "affect")),
        ("Will the strike effect the price of bread?\n", ("grammar.usage", "effect", "affect")),
        ("The board affected a sweeping overhaul of its pension scheme.\n", ("grammar.usage", "affected", "effected")),
        ("Campaigners hope to affect change in the law by spring.\n", ("grammar.usage", "affect", "effect")),
        ("What affect will the new levy have on small shops?\n", ("grammar.usage", "affect", "effect")),
        ("Most farms were uneffected by the frost.\n", ("grammar.usage", "uneffected", "unaffected")),
        ("The ban affectively ends night flights from the airport.\n", ("grammar.usage", "affectively", "effectively")),
        ("Rioters cut lose their restraints and fled.\n", ("grammar.usage", "lose", "loose")),
        ("Hikers should pack lose-fitting layers.\n", ("grammar.usage", "lose", "loose")),
        ("The biggest loosers are the small suppliers.\n", ("grammar.usage", "loosers", "losers")),
        ("The mayor has always lead from the front.\n", ("grammar.usage", "lead", "led")),
        ("Her former coach had lead us through three seasons.\n", ("grammar.usage", "lead", "led")),
        ("The motion has finally past its last stage in the Lords.\n", ("grammar.usage", "past", "passed")),
        ("I past her the documents before the hearing.\n", ("grammar.usage", "past", "passed")),
        ("Three marchers past out in the heat.\n", ("grammar.usage", "past", "passed")),
        ("Has the budget past its second reading?\n", ("grammar.usage", "past", "passed")),
        ("Forms must arrive no later then noon on Monday.\n", ("grammar.usage", "then", "than")),
    ],
)
def test_slip_is_flagged(analyser, text, expected):
    assert found(analyser, text) == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The club had had a difficult season, and he said that that was the end of it.\n",
        "What it is is a tax on the poor, the MP said.\n",
        "Add to this this new law, and the firm's plans change.\n",
        "He became an MP in 2015 after a one-off vote at a university.\n",
        "A UN official and an FBI agent met at an historic hotel.\n",
        "The value of shares would of course fall.\n",
        "The money will be shared according to need.\n",
        "What he has is a contract until 2026.\n",
        "May has struggled to compete with larger groups.\n",
        "Clicking on their favourite changes the gallery.\n",
        "It was produced by Bungie and became an Xbox exclusive.\n",
        "Senior law lord Lord Bingham said the rules were unlawful.\n",
        "She even thought about quitting, and lead pipes were found.\n",
        "The deficit was larger then than it is now.\n",
        "It depends on who wins the vote.\n",
        "The guests complimented the meal, and the fans complimented the players on their form.\n",
        "Trump has complimented the moderator of the first debate.\n",
        "Your right to appeal ends in May, and your very first car was a Mini.\n",
        "He made your down payment, put your in-laws first and heard your views.\n",
        "I remember your name, and I think your right to reply is clear.\n",
        "They have not announced their choice, and we know your view.\n",
        # a possessive before a preposition in an object, a title, a quotation or an open compound
        "Both hitters struggled in their at bats, and the firm cut their in house team.\n",
        "Their on screen chemistry won praise, and the club fielded their under 21 side.\n",
        'Radiohead released their In Rainbows album, and Nirvana their "In Utero" album.\n',
        'Lawyers argued over whether "their" in the clause meant the landlords.\n',
        # an adjective that heads a subject, or is an object's noun after "know" or "remember"
        "I think their favourite was the second song, and fans know their favourite by heart.\n",
        "Each November the villagers remember their dead.\n",
        "Residents said their elderly were left without heat for days.\n",
        "They praised their personal, and often anonymous blogs.\n",
        "Is there going to be a vote? There being no objection, the motion passed.\n",
        "I know who's coming this week, and who's president this year.\n",
        "It was the lead story, and they walked past the town hall.\n",
        "We 12 survivors were rescued, and the shop opens Mon to Sat, 9am to 5pm.\n",
        # "then" that ends its clause is about time; "than" always takes what is compared
        "Prices were lower then, the old traders say, and wages were better organised then and later.\n",
        "Your leaving early upset the hosts, the organiser said.\n",
        "The road past the depot is closed, and the years past were hard.\n",
        "It's good news for the town, and they're friends of the family.\n",
        "Staff were there on the night, and the fans stayed there until dawn.\n",
        "There being no quorum, the chair closed the meeting.\n",
        "The writer, whom critics praised for her candour, spoke on Sunday.\n",
        "The team, whose played games include two finals, is unbeaten.\n",
        "The chef was complimented by the judges, and the wine is complemented by the cheese.\n",
        "The data are recorded at discrete intervals, and the guards kept a discreet watch.\n",
        "A lose-lose deal, a looser grip on prices and a loser's medal.\n",
        "Ministers agreed an in-principle deal on the principal of the loan.\n",
        "Those who can should travel early, and whether the firm can is unclear.\n",
        "The band The The played in Leeds, and the couple moved in in 2019.\n",
        "The law, according equal status to both languages, passed.\n",
        "Critics at one point even thought the plan was dead.\n",
        "The Sun, 12 March, ran the story, and the shop opens Sun 12 months a year.\n",
        "An MoD official confirmed it, and a DfE adviser agreed.\n",
        # reported by a review: each was flagged by a first version of a rule
        "Five minutes past midnight.\n",
        "The row, over who was to blame, continued.\n",
        "Their combined 50 years of experience helped, and the cat arched its back.\n",
        "She tied the looser of the two knots, and the club adopted a looser, more flexible style.\n",
        "The union agreed in principle last week, and its founding principles say everyone is equal.\n",
        "The principals of local schools met the minister.\n",
        "They held a series of discreet meetings, and researchers identified more discrete populations.\n",
        "It was a British led expedition.\n",
        "No sooner had he arrived than it rained, and the match was then abandoned.\n",
        "The new government is effecting sweeping reforms.\n",
        "The new law could effect more than a dozen reforms, and the plan will effect 40 changes.\n",
        "Engineers will effect about 40 emergency repairs, and police could effect as many as 50 arrests.\n",
        "Her skills were complemented by the coach's tactics, and the panel complimented the chef.\n",
        "Engineers judge it's safe, and their over the top celebrations annoyed fans.\n",
        "There being reduced demand, the factory closed.\n",
        "It is a species found only in Madagascar, and the show was a ratings hit.\n",
        "She opened a SoHo restaurant.\n",
        "Those who can should travel early.\n",
        "He said passed students would get certificates, and the woman whose missing son was found thanked police.\n",
        "It's raining, it's been a long day, and the deadline was past, to the dismay of staff.\n",
        "The committee she chaired passed reforms in 2019, and the officers involved passed details on.\n",
        "Kipyegon, whose personal best is 3:49, is from a country whose poor have suffered most.\n",
        "The storm was past to the south of the island by dawn.\n",
        "He named the coaches who past England captains had praised.\n",
        "Hillary Clinton in pictures Wed, November 30, 2016 Express Pictures looks at her life.\n",
        "First published on Wed 12 Mar 2025 10.05 GMT\n",
        # a negated gerund as subject; a possessive after a preposition; "lead by" a margin
        "Your not replying to the letter has delayed the case.\n",
        "Nobody objected to their staying late.\n",
        "Labour lead by four points in the latest survey.\n",
        "Will the merger lead to cheaper tickets?\n",
        # what one brings about is effected, and what is done may be its object
        "Police effected an arrest at the scene, and the firm effected a sale of its shares.\n",
        "The strike affected the reform of the rail timetable.\n",
        "Her past caught up with her, and the years rolled past.\n",
        "The club has a lose-lose choice, and the players cut loose in the second half.\n",
        "The charity defended its spending on advertising.\n",
        "He picked up its remains and said it's time we left.\n",
    ],
)
def test_correct_usage_is_silent(analyser, text):
    assert found(analyser, text) == []


@pytest.mark.parametrize(
    "word,vowel",
    [("hour", True), ("honest", True), ("house", False), ("university", False), ("umbrella", True),
     ("unusual", True), ("uninsured", True), ("unanimous", False), ("European", False), ("one", False),
     ("MP", True), ("SNP", True), ("UN", False), ("NATO", False), ("UEFA", False), ("8", True),
     ("11", True), ("18", True), ("80,000", True), ("40,000", False), ("1800", True), ("X", True),
     ("Xbox", True), ("historic", None), ("HD", None)],
)
def test_vowel_sound(word, vowel):
    assert vowel_sound(word) is vowel
