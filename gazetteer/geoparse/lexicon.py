"""Word tables that tell a place name from a capitalised word that is not one.

All tables hold normalised keys (:func:`gazetteer.normalise.normalise_name`: lower case, no
full stops), so "Gov." and "gov" meet. They are written for English news by this project; each
carries a comment saying what mistake it prevents.
"""

from __future__ import annotations

__all__ = [
    "AGENCY_VERBS",
    "COMMON_WORDS",
    "FIRST_NAMES",
    "LOCATIVE_CUES",
    "NOT_PLACE_PHRASES",
    "ORG_HEADS",
    "ORG_PREFIX_HEADS",
    "PERSON_CUES_AFTER",
    "TITLES",
]


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Titles and ranks: a capitalised word right after one of these is a person's name
# ("President Jordan", "Gen. Washington", "Ambassador Andrei Karlov"), unless the whole phrase
# is itself a place ("Prince Edward Island", "General Santos"), which the longest match decides
# first.
TITLES = _words(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam mme mlle monsieur herr frau
    president presidents vice premier chancellor minister ministers secretary senator sen senators
    rep reps representative congressman congresswoman gov governor mayor councillor councilor
    councilman councilwoman alderman mp mla mpp speaker judge justice magistrate attorney
    gen general col colonel lt lieutenant maj major capt captain cpl corporal sgt sergeant pvt
    private adm admiral cmdr commander brig brigadier marshal field officer detective det inspector
    insp constable const sheriff deputy superintendent supt trooper agent chief commissioner
    ambassador envoy consul king queen prince princess emperor empress tsar czar sultan emir sheikh
    shaikh ayatollah imam rabbi pope cardinal archbishop bishop rev reverend father pastor brother
    sister coach dj jr sr chairman chairwoman chair ceo cfo founder spokesman spokeswoman
    spokesperson director manager
    """
)

# Given names that are also place names or that precede a surname which is one ("Paris Hilton",
# "Michael Jordan", "Keith Kellogg", "Florence Nightingale", "Austin Powers"). A place-name token
# followed by a capitalised non-place word, or preceded by one of these, is part of a person's
# name. Common given names in English-language news across regions.
FIRST_NAMES = _words(
    """
    aaron abdul abdullah abraham adam adrian ahmed ahmad aisha alan albert alberto alejandro alex
    alexander alexandra alexei alexey alfred ali alice alicia alison allan allen amanda amber amir
    amy ana andre andrea andreas andrei andres andrew andy angela angelina anna anne annie anthony
    antonio april arnold arthur ashley austin barack barbara barry ben benjamin bernard bernie beth
    betty bill billy bob bobby boris brad bradley brandon brenda brett brian bruce bryan caitlin
    calvin cameron carl carla carlos carol caroline carolyn catherine cathy charles charlie charlotte
    chelsea cheryl chris christian christina christine christopher chuck cindy claire clara claude
    clint cody colin connor craig cynthia dale dallas dan daniel danielle danny darren dave david
    dean deborah debbie denise dennis derek diana diane dick dmitry dmitri don donald donna doris
    doug douglas dylan earl ed eddie edward elaine eleanor elena elizabeth ellen emily emma emmanuel
    eric erica erik ethan eugene eva evan evelyn fatima felix fernando florence frances francis
    francisco frank fred frederick gabriel gareth gary gavin george georgia gerald gloria gordon
    grace graham greg gregory hailey hannah harold harry hassan heather helen henry hillary holly
    howard hugh hunter ian igor isaac ivan jack jackie jacob jacqueline jake james jamie jan jane
    janet jason jean jeff jeffrey jennifer jenny jeremy jerry jesse jessica jill jim jimmy joan joe
    joel john johnny jon jonathan jordan jorge jose joseph josh joshua joyce juan judith judy julia
    julian julie justin karen karl kate katherine kathleen kathy katie keith kelly ken kenneth kevin
    kim kimberly kirill kyle larry laura lauren lawrence lee leo leon leonard lily linda lindsey lisa
    liz logan lori louis louise lucas lucy luis luke lynn madison marco margaret maria marie marilyn
    mario mark martha martin mary matt matthew maurice max megan melissa michael michelle miguel mike
    mohammad mohammed muhammad nancy natalie nathan neil nicholas nick nicole nikita nikki noah norman
    oleg olga oliver olivia omar oscar owen pamela patricia patrick paul paula pedro peggy penny peter
    phil philip phoenix pierre rachel ralph randy ray raymond rebecca recep regina richard rick
    rita rob robert roberto robin rodney roger ron ronald rose roy ruby russell ruth ryan sally sam
    samantha samuel sandra sarah scott sean sergei sergey sharon shawn sheila shirley sophia sophie
    stacy stanley stephanie stephen steve steven stuart sue susan sydney tammy taylor teresa terry
    theresa thomas tiffany tim timothy tina todd tom tommy tony tracy travis troy tyler valerie
    vanessa victor victoria vincent virginia vivian vladimir volodymyr walter wayne wendy william
    willie xavier yuri yvonne zachary zoe
    """
)

# Capitalised words that name small places somewhere but, in English news, are far more often
# an ordinary word: at a sentence start, in a headline, or before a name ("Will", "Mobile",
# "Nice", "Reading", "Police"). Such a word counts as a place only with positive evidence (a
# locative preposition before it, a qualifier after it, or a capital letter mid-sentence for
# the few that are also major cities).
COMMON_WORDS = _words(
    """
    a about above across after again against all almost also although always among an and another
    any anyone anything are around as at away back be because been before being below between both
    but by can could did do does doing down during each early either else even ever every few for
    from further had has have having he her here hers him his how however if in into is it its just
    last late least less like many may me might more most much must my near neither never new next
    no nor not now of off often on once only or other our out over own per perhaps please plus quite
    rather same she should since so some still such than that the their them then there these they
    this those though through thus to today together tomorrow too toward towards under until up upon
    us very was we well were what when where whether which while who whom whose why will with within
    without would yes yesterday yet you your
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    spring summer autumn fall winter christmas easter
    mobile nice reading bath police energy liberty independence victory union unity progress
    commerce enterprise friendship hope harmony paradise eden globe normal deal split sale wells
    street road avenue centre center city town village county state province region district
    north south east west northern southern eastern western central middle upper lower greater
    little big great grand old young good best top hot cold long high low
    time times news post press star sun mail herald daily weekly world national international
    global general president premier minister chief officer secretary senator governor mayor
    king queen prince princess lord lady duke duchess earl bishop pope saint
    democrat democrats republican republicans liberal liberals conservative conservatives labour
    labor green greens independent
    health hospital school college university church temple museum park garden gardens lake river
    mount mountain island islands bay beach harbour harbor port fort castle bridge hill hills valley
    house home office court hall tower towers market mall airport station
    army navy air force guard fire rescue
    man men woman women boy girl child children people family friends
    officials official leaders leader talks peace war meeting summit crisis deal conflict
    background conclusion context related comment comments leave follow share reply
    one two three four five six seven eight nine ten first second third
    trump obama biden putin
    will mark bill grant rich hunt bush gore rice brown white black green gray grey
    """
)

# Organisation heads: a run holding one of these after a place ("Paris Police Department",
# "Edmonton Oilers" cannot be listed, but "Police", "University", "Bank" can) is an
# organisation's name, and the place in it is marked ``in_organisation``.
ORG_HEADS = _words(
    """
    police department dept ministry university college school academy institute institution bank
    council court courts party church cathedral hospital clinic times post herald tribune journal
    gazette telegraph observer chronicle press news daily airlines airways airline company co corp
    corporation inc ltd llc plc group association society foundation federation union league club fc
    agency service services commission authority board office bureau centre center museum library
    government parliament assembly senate congress committee army navy forces force guard fire rescue
    transit railway railways rail energy oil gas power electric telecom hydro network broadcasting
    radio tv television magazine review zoo theatre theater opera orchestra symphony festival
    stadium arena raiders rangers united city fund reserve exchange secretariat embassy consulate
    mission council's registry cabinet administration legislature tribunal prison jail penitentiary
    sheriff's constabulary gendarmerie militia brigade regiment battalion division corps command
    district dmv
    """
)

# Heads that come before "of <place>": "University of Michigan", "Bank of England", "Government
# of Canada", "Port of Los Angeles" is a place, so it is not here.
ORG_PREFIX_HEADS = _words(
    """
    university college bank government ministry department council court church school institute
    academy museum embassy consulate commission authority office bureau federation association
    society league union parliament assembly senate house chamber republic kingdom
    """
)

# A capitalised word right after a place-named token that marks the pair as a person's name
# when the token is also a given name: "Jordan Peterson" is caught by FIRST_NAMES; these are
# suffixes of names ("Paris Jr.").
PERSON_CUES_AFTER = _words("jr sr ii iii iv")

# Words before a mention that say it is a location (evidence for small or ambiguous places).
LOCATIVE_CUES = _words(
    """
    in at near from to into outside inside across around throughout toward towards via through
    between within along off visit visited visiting visits based born native resident residents
    northern southern eastern western central north south east west northeast northwest southeast
    southwest downtown suburban rural
    """
)

# Verbs of speech and agency: a country or capital as their subject stands for its government
# ("Moscow said", "Washington and Moscow agreed", "Riyadh facilitated").
AGENCY_VERBS = _words(
    """
    said says say told tells announced announces agreed agrees warned warns accused accuses denied
    denies rejected rejects urged urges demanded demands threatened threatens insisted insists
    claimed claims responded responds condemned condemns welcomed welcomes signed signs imposed
    imposes launched launches facilitated facilitates hinted hints stated states expressed expresses
    called calls wants wanted decided decides refused refuses ordered orders recognised recognized
    recognises recognizes criticised criticized criticises criticizes vowed vows pledged pledges
    proposed proposes offered offers sought seeks hopes hoped believes believed blamed blames
    backed backs supports supported sanctioned sanctions retaliated retaliates expelled expels
    summoned summons negotiated negotiates brokered brokers mediated mediates invaded invades
    attacked attacks annexed annexes approved approves confirmed confirms suspended suspends
    banned bans appealed appeals protested protests promised promises asked asks intends intended
    plans planned has have had will would could should must may might
    """
)

# Capitalised phrases that contain a place name but never refer to a place in news: parties,
# people's groups, events and holidays.
NOT_PLACE_PHRASES = frozenset(
    {
        "cold war",
        "world war",
        "new year",
        "new years",
        "middle ages",
        "democratic party",
        "republican party",
        "labour party",
        "independence day",
        "victory day",
        "union jack",
        "french fries",
        "turkish delight",
        "brussels sprouts",
        "panama papers",
        "paris hilton",
        "jordan peterson",
        "michael jordan",
    }
)
