"""Dutch words that compounds in parliamentary text are commonly built from.

Used by :func:`kamerqa.search.analysis.compound_parts` to split compounds ("dronemuur" ->
drone + muur, "veiligheidsbeleid" -> veiligheid + s + beleid) and to map loan-word plurals
("drones") onto their singular. A split needs every part in this list, so adding a word here
only ever adds matches for words built from it. Changing the list changes the index: re-ingest
(``kamerqa ingest --reindex``) after editing it.
"""

from __future__ import annotations

_WORDS = """
aanbod aanpak aanslag aanval aanvraag aanwijzing advies afspraak afval agent akkoord
ambtenaar antwoord arbeid arbeidsmarkt arts asiel auto bank basis bedrijf begroting beheer
behoefte beleid bericht bescherming besluit bestuur betaling bewijs bezoek bijdrage bodem
boer bond bos brief brug budget burger cijfer college commissie contract controle crisis
cultuur data defensie dienst dier dijk doel drone drugs economie energie europa fonds
fraude gas gebied gebouw gegevens geld gemeente geneesmiddel gevaar gezin gezondheid grens
groep grond haven heffing hulp huur huis industrie informatie inkomen inspectie instelling
internet jeugd jongere kabinet kader kamer kans kennis kern kind kinder klimaat kosten
kracht krijg krijgsmacht kust land landbouw leger leerling lening les lucht luchtvaart
maatregel macht markt medewerker melding migratie milieu militair minister ministerie
misdaad mobiliteit muur natuur net netwerk noord onderwijs onderzoek ondersteuning
ontwikkeling oorlog opvang orde overheid partij patient pensioen personeel plan plicht
politie post premie prijs probleem programma project raad recht rechter regel regeling
regering regio rente rapport risico ruimte school schade schip sector slachtoffer
soldaat staat stad station steun stikstof straf stroom student systeem taak tarief
techniek toeslag toezicht transport trein uitkering vaccin veiligheid verbod verdrag
vergunning verkeer verkiezing verzekering verzekeraar visie voedsel vordering voorstel
vraag vrede wapen water weg werk werkgever werknemer wet wetgeving wijk woning zaak zee
zorg zorgverzekeraar aanbesteding aandeel afdeling akte anti belasting beveiliging
bouw bureau centrum cyber dagen detectie energieprijs gevangenis grondwet hoofd huishouden
inzet jaar klant leiding lid luchtmacht marine materieel munitie nacht nieuws opleiding
oefening overleg pakket periode punt radar rakket raket register reserve school
scheepvaart spoor staking termijn verdediging vliegtuig vloot voertuig wachttijd zender
zending zon wind windpark stroomnet netbeheerder boerderij mest vee visserij vis
ziekenhuis huisarts apotheek medicijn dokter pati ggz jeugdzorg ouderenzorg thuiszorg
verpleeg verpleegkundige zorgverlener premie eigen risico school docent leraar universiteit
hogeschool mbo studie studiefinanciering onderwijzer klas toets examen diploma taal
rijbewijs snelweg file asfalt fiets parkeer parkeren haven luchthaven schiphol vlucht
nacht geluid overlast stank uitstoot co2 emissie vervuiling afvalwater riool drinkwater
rivier dijkversterking zeespiegel storm overstroming droogte hitte brand brandweer
ambulance nood noodhulp hulpdienst rampen ramp crisisbeheersing terrorisme terrorist
spion spionage sabotage hack hacker cyberaanval desinformatie propaganda media omroep
pers journalist vrijheid privacy camera toezichthouder autoriteit consument product
handel export import douane sanctie embargo grondstof chip chips halfgeleider fabriek
innovatie subsidie regelgeving vergunningverlening stikstofdepositie natuurgebied
provincie waterschap gemeenteraad burgemeester wethouder staten parlement senaat
kamerlid fractie motie amendement wetsvoorstel begrotingsbehandeling debat verslag
nota brief rapportage evaluatie monitor jaarverslag verantwoording rekenkamer
ombudsman rechtbank rechtspraak advocaat officier justitie gevangene straf celstraf
boete politieagent wijkagent agent recherche opsporing criminaliteit ondermijning
drugslab witwassen fraudeur toeslagen belastingdienst douane uitvoering
uitvoeringsorganisatie loket aanvraag formulier digid app website platform algoritme
kunstmatig intelligentie cloud software hardware server satelliet ruimtevaart
navo nato oekraine rusland china amerika israel gaza vluchteling asielzoeker
azc statushouder inburgering integratie naturalisatie visum paspoort grens
grensbewaking marechaussee kustwacht tank gevechtsvliegtuig fregat onderzeeboot
helikopter drone luchtverdediging raketverdediging artillerie infanterie kazerne
oefenterrein militairen veteraan reservist dienstplicht werving personeelstekort
tekort overschot inflatie koopkracht armoede schuld schulden schuldhulp bijstand
minimumloon loon salaris toelage huurtoeslag zorgtoeslag kinderopvang opvang
kinderbijslag pensioenfonds aow wia ww ziekte ziekteverzuim arbeidsongeschiktheid
afweer dreiging productie capaciteit missie
luchtruim bondgenoot bondgenootschap afschrikking coalitie norm uitgaven investering
industrie bedrijf leverancier inkoop aanschaf levering fabrikant wapenleverantie steunpakket
hond honden dierenwelzijn welzijn asielzoekers opvanglocatie hoofddoek religie geloof moskee
kerk onderzoeksraad corridor leiding pijpleiding waterstof warmte kolen kernenergie centrale
zonnepaneel windmolen accu batterij laadpaal elektriciteit netcongestie isolatie
warmtepomp aardgas groningen mijnbouw bodemdaling schadeherstel versterking
"""

LEXICON: frozenset[str] = frozenset(w for w in _WORDS.split() if len(w) >= 3)
