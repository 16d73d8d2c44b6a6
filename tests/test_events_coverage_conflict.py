"""Coverage of the conflictual CAMEO roots 10-20 on wire wordings, through the real pipeline.

Sentences written for this table from the CAMEO verb codebook (ch. 2, roots 10-20) and the
PLOVER 2.0 type each code maps to; none is copied from a bench or from ../shared. Each row
names the PLOVER type one event of the sentence must have and, where the sentence has one,
the recipient's country. The negative table holds ambiguous words that must not read as the
conflictual type ("fired the minister" is no attack, "charged with fraud" no assault).
"""
from __future__ import annotations

import pytest

from newsevents.pipeline import extract


def events_of(text: str, pipeline, date: str = "2019-05-14"):
    return extract(text, date=date, pipeline=pipeline).events


def countries(side) -> set[str]:
    return {a.country for a in side if a.country}


def shown(evs) -> list[tuple]:
    return [(e.event, e.cameo, e.trigger.text, sorted(countries(e.recipient))) for e in evs]


COVERAGE = [
    ("Labour suspended its former leader Jeremy Corbyn.", "SANCTION", None),
    ("Myanmar's junta deployed armoured vehicles in Yangon.", "MOBILIZE", "MMR"),
    ("Trump walked away from his second summit with Kim Jong Un in Hanoi.", "REJECT", "PRK"),
    ("Kenya's chief justice advised President Uhuru Kenyatta to dissolve parliament.", "REQUEST", "KEN"),
    ("The freezing of the newspaper's assets by the security police forced it to close.", "SANCTION", None),
    ("The EU imposed an asset freeze on five Russian officials.", "SANCTION", "RUS"),
    ("A build-up of Chinese troops along the border with India was visible in satellite images.", "MOBILIZE", "IND"),
    ("The massing of Russian troops near Ukraine's border alarmed NATO.", "MOBILIZE", "UKR"),
    ("Trump vowed to hit 52 Iranian sites if Tehran struck any Americans.", "THREATEN", "IRN"),
    ("The Malian army retook the town of Konna from jihadists.", "ASSAULT", "MLI"),  # mis-lemma 'retook'; a battle won
    ("Tunisian soldiers took up positions around the parliament building in Tunis.", "MOBILIZE", None),
    ("Ethiopia and Egypt traded accusations over the Nile dam.", "ACCUSE", None),
    # a state's missile launched at no one is a test; one launched at someone an attack
    ("North Korea launched what appeared to be a new ballistic missile into the sea on Tuesday.", "MOBILIZE", None),
    ("North Korea launched two short-range missiles from its east coast on Thursday.", "MOBILIZE", None),
    ("Iran launched ballistic missiles at two bases housing US troops in Iraq.", "ASSAULT", None),
    # "on Saturday" is a date, never the recipient ("on" is a SANCTION recipient preposition)
    ("The State Department cut hundreds of millions of dollars in aid on Saturday to Guatemala.", "SANCTION", "GTM"),
    # cooperation that stops is a sanction; censorship by switching off
    ("China has stopped buying Australian coal.", "SANCTION", "AUS"),
    ("The United States halted military aid to Myanmar.", "SANCTION", "MMR"),
    ("The Kenyan government switched off three private television stations on Tuesday.", "COERCE", "KEN"),
    ("Iranian authorities pulled the plug on internet access across the country on Saturday.", "COERCE", "IRN"),
    # crowds counted in thousands who demand are demonstrating (141), addressed to whom they demand of
    ("More than a million Chileans packed the streets of Santiago on Friday, demanding the resignation of "
     "President Sebastian Pinera.", "PROTEST", "CHL"),
    ("Well over 100,000 people turned out in central Minsk on Sunday to demand that Mr Lukashenko step down.",
     "PROTEST", "BLR"),
    # a threat or vow named as a noun gives way to the act threatened
    ("Tayyip Erdogan's threat to expel the ambassadors of the United States, Germany and France sent the lira "
     "to a record low.", "THREATEN", "USA"),
    # another's act wanted is a demand on them; a meeting skipped is refused
    ("Iran wants the United States to lift all sanctions, Ayatollah Ali Khamenei said on Sunday.", "REQUEST", "USA"),
    ("Iran's decision to skip an informal meeting with the United States dealt a setback to the talks.", "REJECT", "USA"),
    # protesters appealing are protesting; an army moving its own tanks is mobilising, not giving arms
    ("Thousands of Sudanese protesters camped outside the defence ministry in Khartoum, calling on the army to "
     "remove President Omar al-Bashir.", "PROTEST", "SDN"),
    ("Zimbabwe's army sent tanks and armoured vehicles towards the capital Harare on Tuesday.", "MOBILIZE", None),
    ("Around 25,000 National Guard troops were brought into Washington ahead of the inauguration.", "MOBILIZE", "USA"),
    # newspaper idioms
    ("The Philippines' defence secretary called out China on Sunday for a provocative action.", "ACCUSE", "CHN"),
    ("Mr Ramaphosa called out 25,000 soldiers on Thursday to help police in KwaZulu-Natal.", "MOBILIZE", None),
    ("Nicaragua's president turned a deaf ear to a resolution of the Organization of American States.", "REJECT", "IGO"),
    ("The Kremlin poured cold water on Mr Zelensky's offer to meet Mr Putin.", "REJECT", "UKR"),
    ("Mr Buhari withheld his assent from the Electoral Act amendment bill.", "REJECT", None),
    ("Nigeria's federal government arraigned the separatist leader Nnamdi Kanu on terrorism charges.", "ACCUSE", "NGA"),
    # a crowd gathering is a rally, whatever the preposition
    ("Thousands of Georgians gathered outside parliament in Tbilisi on Friday.", "PROTEST", "GEO"),
    ("Crowds gathered in central Minsk on Sunday.", "PROTEST", "BLR"),
    ("Some 10,000 pro-democracy demonstrators filled the area around the monument in Bangkok.", "PROTEST", None),
    ("Prosecutors approved charges against the former finance minister in Nairobi.", "ACCUSE", "KEN"),
    ("Ukraine traded accusations with Russia over the shelling.", "ACCUSE", "RUS"),
    ("The United States hit Russia with new sanctions.", "SANCTION", "RUS"),  # the dobj is the recipient
    ("India test-fired a nuclear-capable missile.", "MOBILIZE", None),  # a test: a show of force (150)
    ("Prosecutors placed the former minister under investigation on Tuesday.", "ACCUSE", None),
    ("The opposition began collecting signatures to force a referendum on the reform.", "PROTEST", None),
    ("Russian forces violated the ceasefire agreement in the Donbas on Sunday.", "ASSAULT", None),
    ("Mexico began deploying 6,000 National Guard members to its southern border.", "MOBILIZE", None),
    ("Eastern Libyan commander Khalifa Haftar ordered his forces to advance on Tripoli.", "MOBILIZE", None),
    ("Iranian authorities imposed a near-total internet blackout on Sunday.", "COERCE", None),
    ("Thousands of Thais defied a ban on gatherings to rally in central Bangkok on Thursday.", "PROTEST", None),
    # ---- 10 DEMAND -> REQUEST
    ("Turkey demanded that Sweden extradite members of the Kurdish militant group.", "REQUEST", "SWE"),
    ("Seoul demanded an apology from Tokyo over the wartime remarks.", "REQUEST", "JPN"),
    ("The opposition demanded the resignation of the interior minister after the shooting.", "REQUEST", None),
    ("Ukraine demanded the withdrawal of Russian troops from the Donbas.", "REQUEST", None),
    ("Protest leaders demanded fresh elections within six months.", "REQUEST", None),
    ("The court ordered Kenya to hand over the suspects within 30 days.", "REQUEST", "KEN"),
    # an order to close its own consulate is the closure, done by who orders it (161)
    ("Washington ordered Beijing to close its consulate in Houston within 72 hours.", "SANCTION", "CHN"),
    ("Beijing insisted on the immediate release of the detained executive.", "REQUEST", None),
    ("The United States pressed Pakistan to act against militant groups on its soil.", "REQUEST", "PAK"),
    ("Lawmakers demanded answers from Facebook about the data leak.", "REQUEST", None),
    ("The union's demand for a 20 percent pay rise was rejected by the ministry.", "REJECT", None),
    ("Tehran demanded the lifting of all US sanctions.", "REQUEST", None),
    # ---- 11 DISAPPROVE -> ACCUSE
    ("Beijing summoned the Swedish ambassador over the award.", "ACCUSE", "SWE"),
    ("Britain condemned Russia's annexation of Crimea.", "ACCUSE", "RUS"),
    ("France criticised Turkey over its incursion into northern Syria.", "ACCUSE", "TUR"),
    ("Iran's foreign ministry slammed Washington's decision to designate the Guards a terrorist group.", "ACCUSE", "USA"),
    ("Israel accused Iran of attacking the tanker in the Gulf of Oman.", "ACCUSE", "IRN"),
    ("Tehran blamed Israel for the assassination of the nuclear scientist.", "ACCUSE", "ISR"),
    ("Seoul lodged a formal protest with Tokyo over the export curbs.", "ACCUSE", "JPN"),
    ("Chinese state media lashed out at Australia over its call for an inquiry.", "ACCUSE", "AUS"),
    ("Pyongyang branded the South Korean president a traitor.", "ACCUSE", None),
    ("The Chinese foreign ministry chided Washington for its arms sales to Taiwan.", "ACCUSE", "USA"),
    ("Canada reproached Saudi Arabia over the arrest of women's rights activists.", "ACCUSE", "SAU"),
    ("Greek officials pointed the finger at Turkey for the migrant surge.", "ACCUSE", "TUR"),
    ("Prosecutors in Paris charged the former minister with embezzlement.", "ACCUSE", None),
    ("Germany filed a lawsuit against Poland at the European court.", "ACCUSE", "POL"),
    ("Rights groups denounced the mass arrests in Minsk.", "ACCUSE", None),
    ("The European Union voiced dismay at the death sentence handed to the journalist.", "ACCUSE", None),
    ("Venezuela's government reprimanded the Spanish ambassador.", "ACCUSE", None),
    ("The foreign ministry issued a stern rebuke to Seoul.", "ACCUSE", "KOR"),
    ("Beijing expressed strong dissatisfaction with the US decision.", "ACCUSE", "USA"),
    ("The Chinese foreign ministry rapped Washington for interfering in Hong Kong.", "ACCUSE", "USA"),
    ("The government took the newspaper to court over the report.", "ACCUSE", None),
    ("Beijing hit back at Washington's criticism of its Hong Kong policy.", "ACCUSE", "USA"),
    # ---- 12 REJECT
    ("Israel rejected the UN resolution on Jerusalem.", "REJECT", None),
    ("Hamas turned down the Egyptian ceasefire proposal.", "REJECT", None),
    ("Russia vetoed the Security Council resolution on Syria.", "REJECT", None),
    ("Iran ruled out talks with the United States.", "REJECT", None),
    ("Pyongyang snubbed Seoul's offer of food aid.", "REJECT", None),
    ("Serbia balked at the European Union's demand to recognise Kosovo.", "REJECT", None),
    ("The rebels defied the curfew and gathered in the main square.", "REJECT", None),
    ("Poland and Hungary blocked the bloc's budget over the rule-of-law clause.", "REJECT", None),
    ("The government ignored the ultimatum issued by the striking doctors.", "REJECT", None),
    ("The Taliban refused to hand over the suspects.", "REJECT", None),
    ("Tehran repudiated the agreement signed by the previous government.", "REJECT", None),
    ("The military junta disregarded the warning from the African Union.", "REJECT", None),
    ("Kosovo dismissed Serbia's demands as unacceptable.", "REJECT", None),
    ("The Palestinians boycotted the economic conference in Bahrain.", "REJECT", None),
    ("Beijing's rejection of the tribunal ruling angered Manila.", "REJECT", None),
    ("Moscow rebuffed the Western calls for an investigation.", "REJECT", None),
    ("The Senate shot down the proposal.", "REJECT", None),
    ("Hardliners in parliament torpedoed the nuclear deal.", "REJECT", None),
    ("Republicans scuttled the bill in the Senate.", "REJECT", None),
    # ---- 13 THREATEN
    ("North Korea threatened to strike the US territory of Guam.", "THREATEN", "USA"),
    ("Iran warned that it would close the Strait of Hormuz.", "THREATEN", None),
    ("The United States threatened Turkey with sanctions over the purchase of Russian missiles.", "THREATEN", None),
    ("The union threatened a general strike over the pension reform.", "THREATEN", None),
    ("Erdogan threatened to expel ten Western ambassadors.", "THREATEN", None),
    ("Saudi Arabia issued an ultimatum to Qatar.", "THREATEN", "QAT"),
    ("Beijing vowed retaliation against Washington.", "THREATEN", "USA"),
    ("The Revolutionary Guards threatened Israel with a crushing response.", "THREATEN", None),
    ("The Kremlin warned Washington of serious consequences.", "THREATEN", None),
    ("The Houthi rebels threatened to attack Saudi oil facilities.", "THREATEN", "SAU"),
    ("Israel's defence minister warned Hezbollah against any attack.", "THREATEN", None),
    ("Ankara gave Washington a two-week deadline to halt its support for the Kurdish militia.", "THREATEN", "USA"),
    ("Militants threatened journalists who covered the trial.", "THREATEN", None),
    ("The threat by Pyongyang to resume nuclear tests alarmed Tokyo.", "THREATEN", None),
    ("Russia threatened to cut gas supplies to Ukraine.", "THREATEN", "UKR"),
    ("Washington put Beijing on notice over its trade practices.", "THREATEN", None),
    # ---- 14 PROTEST
    ("Thousands of protesters marched through central Hong Kong on Sunday.", "PROTEST", None),
    ("Students staged a sit-in outside the education ministry.", "PROTEST", None),
    ("Farmers blocked highways with tractors across the country.", "PROTEST", None),
    ("Teachers went on strike over unpaid wages.", "PROTEST", None),
    ("Dock workers walked off the job at the port of Santos.", "PROTEST", None),
    ("Doctors downed tools over the lack of protective equipment.", "PROTEST", None),
    ("Detained migrants went on a hunger strike.", "PROTEST", None),
    ("Demonstrators took to the streets of Khartoum.", "PROTEST", None),
    ("Opposition supporters rallied in Caracas against the government.", "PROTEST", None),
    ("Protesters pelted police with stones in the Kashmir valley.", "PROTEST", None),
    ("Rioters hurled stones and petrol bombs at police in Belfast.", "PROTEST", None),
    ("Protesters stormed the parliament building in Baghdad.", "PROTEST", None),
    ("Supporters of the president stormed the Capitol in Washington.", "PROTEST", None),
    ("Hundreds of people protested outside the US embassy in Manila.", "PROTEST", None),
    ("Truckers blockaded the border crossing for a third day.", "PROTEST", None),
    ("Protesters erected barricades on the main road to the airport.", "PROTEST", None),
    ("Fans chanted anti-government slogans during the match.", "PROTEST", None),
    ("The strike by railway workers paralysed the network.", "PROTEST", None),
    ("A work stoppage by air traffic controllers grounded flights.", "PROTEST", None),
    ("Rioting by supporters of the jailed leader left three dead.", "PROTEST", None),
    ("The minister stormed out of the meeting in protest.", "PROTEST", None),
    ("Activists picketed the offices of the ruling party.", "PROTEST", None),
    ("Teachers launched an indefinite strike on Monday.", "PROTEST", None),
    ("Unions launched a general strike against the pension reform.", "PROTEST", None),
    ("Protesters burned effigies of the president outside the embassy.", "PROTEST", None),
    ("Shopkeepers shunned work to protest the new tax.", "PROTEST", None),
    ("Climate activists chained themselves to the gates of parliament.", "PROTEST", None),
    # ---- 15 EXHIBIT FORCE POSTURE -> MOBILIZE
    ("Russia massed troops on the Ukrainian border.", "MOBILIZE", None),
    ("China deployed warships to the disputed waters.", "MOBILIZE", None),
    ("The army put its troops on high alert.", "MOBILIZE", None),
    ("The US Navy sailed a destroyer through the Taiwan Strait.", "MOBILIZE", None),
    ("China flew warplanes into Taiwan's air defence zone.", "MOBILIZE", "TWN"),
    ("Pakistan carried out a missile test on Thursday.", "MOBILIZE", None),
    ("North Korea conducted a nuclear test in September.", "MOBILIZE", None),
    ("India tested a nuclear-capable missile.", "MOBILIZE", None),
    ("Iran unveiled a new ballistic missile.", "MOBILIZE", None),
    ("North Korea paraded its missiles in Pyongyang.", "MOBILIZE", None),
    ("The military called up reservists.", "MOBILIZE", None),
    ("Japan scrambled fighter jets to intercept the Chinese drone.", "MOBILIZE", None),
    ("Police beefed up security around the stadium.", "MOBILIZE", None),
    ("Japan raised its alert level after the missile launch.", "MOBILIZE", None),
    ("NATO staged war games in the Baltic region.", "MOBILIZE", None),
    ("Iran's navy held drills in the Gulf of Oman.", "MOBILIZE", None),
    ("Taiwan bolstered its air defences.", "MOBILIZE", None),
    ("Pakistan fortified its positions along the frontier.", "MOBILIZE", None),
    ("China sent warplanes into Taiwan's air defence zone.", "MOBILIZE", "TWN"),
    # ---- 16 REDUCE RELATIONS -> SANCTION
    ("Saudi Arabia expelled the Canadian ambassador.", "SANCTION", "CAN"),
    ("Canada recalled its envoy from Riyadh.", "SANCTION", None),
    ("Bahrain severed diplomatic ties with Qatar.", "SANCTION", "QAT"),
    ("Washington slapped tariffs on Chinese goods worth $200 billion.", "SANCTION", "CHN"),
    ("The EU imposed sanctions on Belarusian officials.", "SANCTION", "BLR"),
    ("The United States hit Russia with new sanctions.", "SANCTION", None),
    ("Washington slapped Iran with fresh sanctions.", "SANCTION", None),
    ("Washington retaliated against Beijing with new tariffs.", "SANCTION", "CHN"),
    ("Japan tightened export controls on South Korea.", "SANCTION", "KOR"),
    ("Washington imposed visa restrictions on Chinese officials.", "SANCTION", "CHN"),
    ("The Commerce Department placed Huawei on its entity list.", "SANCTION", None),
    ("The Treasury added five Iranian firms to its sanctions list.", "SANCTION", None),
    ("Brussels suspended Cambodia's trade preferences.", "SANCTION", "KHM"),
    ("Brussels imposed anti-dumping duties on Chinese steel.", "SANCTION", "CHN"),
    ("Washington levied tariffs on Mexican tomatoes.", "SANCTION", "MEX"),
    ("The US State Department revoked the visas of Nicaraguan officials.", "SANCTION", None),
    ("Washington shut down the Chinese consulate in Houston.", "SANCTION", None),
    ("The Treasury blacklisted three Venezuelan oil executives.", "SANCTION", None),
    ("The US suspended military aid to Pakistan.", "SANCTION", "PAK"),
    ("Trump terminated the relationship with the World Health Organization.", "SANCTION", None),
    ("China suspended imports of Australian beef.", "SANCTION", "AUS"),
    ("Washington stripped Hong Kong of its special trade status.", "SANCTION", None),
    ("The US embargo on Cuba remains in place.", "SANCTION", None),
    ("Germany halted arms sales to Saudi Arabia.", "SANCTION", "SAU"),
    ("Britain froze the assets of the Russian oligarch.", "SANCTION", None),
    ("The United States cut off trade with Cuba.", "SANCTION", "CUB"),
    ("Trump hiked tariffs on Chinese goods.", "SANCTION", "CHN"),
    ("The US designated the Houthis as a terrorist organisation.", "SANCTION", None),
    # ---- 17 COERCE
    ("Police arrested the opposition leader in Kampala.", "COERCE", None),
    ("The authorities imposed a curfew on the city.", "COERCE", None),
    ("The government shut down the internet across the country.", "COERCE", None),
    ("Authorities cut off internet access in the region.", "COERCE", None),
    ("Russia blocked the Telegram messaging app.", "COERCE", None),
    ("Israeli forces demolished the family home of the attacker.", "ASSAULT", None),  # PLOVER: destroy
    ("The junta placed the state counsellor under house arrest.", "COERCE", None),
    ("Police cracked down on the protesters.", "COERCE", None),
    ("The authorities deported the journalist.", "COERCE", None),
    ("The government banned the main opposition party.", "COERCE", None),
    ("Security forces raided the newspaper's offices.", "COERCE", None),
    ("A court sentenced the activist to ten years in prison.", "COERCE", None),
    ("Hackers breached the ministry's computer network.", "COERCE", None),
    ("The regulator revoked the broadcasting licence of the opposition channel.", "COERCE", None),
    ("The government's crackdown on dissent intensified.", "COERCE", None),
    ("The harassment of journalists by the police drew criticism.", "COERCE", None),
    ("The court handed the journalist a three-year prison sentence.", "COERCE", None),
    ("Police teargassed protesters in Nairobi.", "ASSAULT", "KEN"),
    ("Riot police charged at demonstrators with batons.", "ASSAULT", None),
    ("Riot police fired tear gas at protesters.", "ASSAULT", None),
    ("Police used water cannon to disperse the crowd.", "ASSAULT", None),
    ("Hackers launched a cyber attack on the ministry.", "COERCE", None),
    ("Britain revoked the citizenship of the militant.", "COERCE", None),
    ("The regime restricted the internet ahead of the vote.", "COERCE", None),
    ("Authorities jammed foreign broadcasts.", "COERCE", None),
    ("Hong Kong disqualified four pro-democracy lawmakers.", "COERCE", None),
    ("The city was placed under curfew after the riots.", "COERCE", None),
    ("The army put the province under martial law.", "COERCE", None),
    # ---- 18 ASSAULT (unconventional violence)
    ("Gunmen kidnapped three aid workers in northern Nigeria.", "ASSAULT", None),
    ("Militants beheaded a police officer.", "ASSAULT", None),
    ("An assailant stabbed two people near the synagogue.", "ASSAULT", None),
    ("Agents poisoned the opposition leader with a nerve agent.", "ASSAULT", None),
    ("A driver rammed his car into a crowd of pedestrians.", "ASSAULT", None),
    ("Militants planted a bomb under the bridge.", "ASSAULT", None),
    ("A man threw a grenade at the police station.", "ASSAULT", None),
    ("The villagers were hacked to death with machetes.", "ASSAULT", None),
    ("The woman was stoned to death by a mob.", "ASSAULT", None),
    ("Gunmen took dozens of passengers hostage.", "ASSAULT", None),
    ("Militants carried out a suicide bombing at a mosque.", "ASSAULT", None),
    ("The militia tortured detainees in secret prisons.", "ASSAULT", None),
    ("The beheading of the teacher by an Islamist extremist shocked France.", "ASSAULT", None),
    ("Militants set off a bomb in the crowded market.", "ASSAULT", None),
    ("The stabbing by the asylum seeker sparked protests.", "ASSAULT", None),
    ("The gang strangled the informant.", "ASSAULT", None),
    ("Islamist militants flogged the shopkeeper in public.", "ASSAULT", None),
    ("A gunman went on a shooting rampage in El Paso.", "ASSAULT", "USA"),
    ("Rioters firebombed a police station.", "ASSAULT", None),
    ("An attacker knifed a priest during mass.", "ASSAULT", None),
    # ---- 19 FIGHT -> ASSAULT (and COERCE for blockade/occupation)
    ("Israeli jets bombed targets in Gaza.", "ASSAULT", None),
    ("Indian and Pakistani troops exchanged fire along the Line of Control.", "ASSAULT", None),
    ("Troops clashed with rebels near the border.", "ASSAULT", None),
    ("Soldiers opened fire on the convoy.", "ASSAULT", None),
    ("Militants lobbed mortars at the military base.", "ASSAULT", None),
    ("Iran shot down a US surveillance drone.", "ASSAULT", None),
    ("Rebels downed a government helicopter.", "ASSAULT", None),
    ("Hamas fired rockets at Israel.", "ASSAULT", "ISR"),
    ("Russian forces shelled the town overnight.", "ASSAULT", None),
    ("Government troops skirmished with the rebels.", "ASSAULT", None),
    ("The army breached the ceasefire.", "ASSAULT", None),
    ("Coalition aircraft dropped bombs on the village.", "ASSAULT", None),
    ("Special forces stormed the rebel stronghold.", "ASSAULT", None),
    ("Rebels overran an army base.", "ASSAULT", None),
    ("Government forces laid siege to the city.", "COERCE", None),
    ("A firefight between Indian and Chinese troops left 20 dead.", "ASSAULT", "CHN"),
    ("The army's onslaught on the city continued for weeks.", "ASSAULT", None),
    ("The air strike on the market killed dozens.", "ASSAULT", None),
    ("Skirmishes between Armenian and Azerbaijani forces erupted on the border.", "ASSAULT", "AZE"),
    ("The army repelled an attack by the militants.", "ASSAULT", None),
    ("Government forces liberated the city from the militants.", "COERCE", None),
    ("A gunfight between Mexican police and US smugglers left five dead.", "ASSAULT", "USA"),
    ("Israel hit back at Hamas with air strikes.", "ASSAULT", "PSE"),
    ("Russian warplanes pummelled rebel positions.", "ASSAULT", None),
    ("Iran's downing of the Ukrainian airliner drew condemnation.", "ASSAULT", None),
    ("The jailing of the activists by the junta angered Washington.", "COERCE", None),
    # ---- 20 MASS VIOLENCE -> ASSAULT
    ("Soldiers massacred villagers in the region.", "ASSAULT", None),
    ("The regime used chemical weapons against civilians.", "ASSAULT", None),
    ("Helicopters dropped barrel bombs on the rebel-held town.", "ASSAULT", None),
    ("The militants committed genocide against the Yazidis.", "ASSAULT", None),
    ("The militia wiped out entire villages.", "ASSAULT", None),
    ("The parliament voted down the peace deal.", "REJECT", None),
    ("Lawmakers voted against the resolution.", "REJECT", None),
    # wordings added to verbs_conflict.yaml: hunger strike / sit-in, censored platforms, arms export permits, diplomats
    ("Hundreds of Palestinian prisoners launched a hunger strike on Sunday.", "PROTEST", None),
    ("Jailed activists staged a hunger strike on Friday against their detention.", "PROTEST", None),
    ("Doctors launched a sit-in outside the health ministry in Baghdad.", "PROTEST", None),
    ("Ethiopia blocked Facebook and WhatsApp ahead of the election.", "COERCE", None),
    ("Tanzania suspended Twitter during the vote count.", "COERCE", None),
    ("The military government suspended the independent TV station for a week.", "COERCE", None),
    ("The junta banned the country's main opposition newspaper.", "COERCE", None),
    ("Denmark suspended arms export permits to Saudi Arabia.", "SANCTION", "SAU"),
    ("Norway froze export licences to Turkey.", "SANCTION", "TUR"),
    ("Spain cancelled arms sales to Israel.", "SANCTION", "ISR"),
    ("New Delhi expelled Pakistan's deputy high commissioner.", "SANCTION", "PAK"),
    ("Estonia expels two Russian diplomats.", "SANCTION", "RUS"),
    # wordings added to verbs_conflict.yaml: vetoed statements, missiles aimed, human chains,
    # expulsion from a programme, paused aid, duties slapped, troops poured or ordered, hacking
    ("Hungary blocked an EU statement criticising China's crackdown in Hong Kong.", "REJECT", None),
    ("China blocked a joint declaration on Myanmar at the Security Council.", "REJECT", None),
    ("Russia vetoed a U.N. Security Council resolution on Syria.", "REJECT", None),
    ("Putin said Russia would aim new missiles at the United States.", "THREATEN", "USA"),
    ("Moscow pointed its nuclear missiles at Ukraine.", "MOBILIZE", "UKR"),
    ("Tens of thousands of Catalans formed a human chain across the region.", "PROTEST", None),
    ("Washington removed Turkey from the F-35 fighter jet programme.", "SANCTION", "TUR"),
    ("The Commonwealth expelled Fiji from the organisation.", "SANCTION", "FJI"),
    ("The bloc excluded Belarus from the Eastern Partnership summit.", "SANCTION", "BLR"),
    ("The United States paused disbursements to Ethiopia over the war in Tigray.", "SANCTION", "ETH"),
    ("The World Bank halted payments to Afghanistan after the Taliban takeover.", "SANCTION", "AFG"),
    ("Sweden paused its funding to UNRWA.", "SANCTION", None),
    ("The EU froze budget support payments to Niger.", "SANCTION", "NER"),
    ("China moved to slap anti-dumping duties of up to 212% on Australian wine.", "SANCTION", "AUS"),
    ("Beijing slapped an 80% levy on Australian barley.", "SANCTION", "AUS"),
    ("Russia poured tens of thousands of extra troops into Crimea.", "MOBILIZE", "UKR"),
    ("Moscow sent thousands of additional troops into Belarus.", "MOBILIZE", "BLR"),
    ("The Pentagon ordered 3,000 more troops to the Middle East.", "MOBILIZE", None),
    ("Russian military hackers broke into the computer networks of the German parliament.", "COERCE", "DEU"),
    ("Chinese hackers hacked into the email accounts of Indian officials.", "COERCE", "IND"),
    ("North Korean hackers hacked the servers of a South Korean bank.", "COERCE", "KOR"),
    ("The hacking of the Democratic National Committee's email servers was blamed on Russia.", "COERCE", None),
    ("A cyberattack on Estonia's banks and ministries was blamed on Russia.", "COERCE", "EST"),
    ("The hack of Sony Pictures was blamed on North Korea.", "COERCE", None),
    # ---- wordings added with verbs_conflict.yaml (representations, petitions, ultimatum, in kind, pots and
    # pans, boycotts, surrounding buildings, walkouts, flights, intrusions, alert orders, licences)
    ("China lodged stern representations with the United States over the arms sale.", "ACCUSE", "USA"),
    ("Beijing made solemn representations to Japan over the shrine visit.", "ACCUSE", "JPN"),
    ("The Supreme Court threw out two petitions challenging the election result.", "REJECT", None),
    ("A federal judge threw out the lawsuit brought by the state of Texas.", "REJECT", None),
    ("The high court dismissed the petition filed by the opposition.", "REJECT", None),
    ("Kenya threw out two Somali diplomats.", "SANCTION", "SOM"),  # persons: still an expulsion (166)
    ("Iran shot down the American ultimatum on Monday.", "REJECT", "USA"),
    ("The prime minister shot down the proposal for a unity government.", "REJECT", None),
    ("Syria shot down an Israeli warplane over the Golan.", "ASSAULT", "ISR"),
    ("Israel responded in kind with air strikes on Gaza.", "ASSAULT", None),
    ("Pakistan responded in kind, shelling Indian positions along the border.", "ASSAULT", None),
    ("Iran will respond in kind to any attack, the foreign ministry said.", "THREATEN", None),
    ("Russia commenced large-scale military drills near the Ukrainian border.", "MOBILIZE", "UKR"),
    ("The Indian and French navies commenced the joint military exercise in the Arabian Sea.", "COOPERATE", None),
    ("Protesters banged pots and pans outside the home of the president.", "PROTEST", None),
    ("Consumers in South Korea shunned Japanese beer, cars and clothing.", "PROTEST", "JPN"),
    ("Chinese shoppers boycotted Japanese products after the island dispute.", "PROTEST", "JPN"),
    ("Thousands of protesters surrounded the parliament in Yerevan.", "PROTEST", None),
    ("Demonstrators surrounded the Israeli embassy in Amman.", "PROTEST", "ISR"),
    ("Teachers walked out of classrooms across the state on Monday.", "PROTEST", None),
    ("Thousands of garment workers walked out of factories in Bangladesh.", "PROTEST", None),
    ("Doctors walked out of hospitals across Kenya on Monday.", "PROTEST", None),
    ("The Iranian delegation walked out of the talks in Geneva.", "SANCTION", None),  # talks: 164 as before
    ("Russian bombers flew in international airspace off Alaska's coast.", "MOBILIZE", "USA"),
    ("Two Chinese warplanes flew over the Taiwan Strait median line.", "MOBILIZE", None),
    ("Russian bombers flew near the Estonian border.", "MOBILIZE", "EST"),
    ("Chinese coast guard ships intruded into Japanese territorial waters near the Senkaku islands.", "MOBILIZE", "JPN"),
    ("Two Russian military aircraft intruded into Japanese airspace.", "MOBILIZE", "JPN"),
    ("Kim Jong Un ordered the army to full combat readiness.", "MOBILIZE", None),
    ("The president ordered the armed forces on high alert.", "MOBILIZE", None),
    ("The government revoked the licences of five newspapers.", "COERCE", None),
    ("The junta suspended the accreditation of foreign journalists.", "COERCE", None),
    ("Authorities cancelled the licenses of three media outlets.", "COERCE", None),
]


NEGATIVE = [
    # (sentence, type that must not be found)
    ("Officials gathered in Geneva on Monday.", "PROTEST"),  # no crowd
    ("Some 800,000 Iraqi Kurds sought refuge in Germany last month.", "PROTEST"),  # an appeal, not protesters
    ("Zimbabwe's army sent tanks and armoured vehicles towards the capital Harare on Tuesday.", "AID"),
    ("Thousands of soldiers demanded back pay.", "PROTEST"),  # troops are no crowd
    ("Hamas launched rockets at Israeli towns on Tuesday.", "MOBILIZE"),  # an armed group's launch is an attack
    ("Thousands of pilgrims thronged Mecca on Friday.", "PROTEST"),
    ("Hundreds of mourners gathered for the funeral of the journalist.", "PROTEST"),
    ("Cuban doctors arrived to help hospitals fight the coronavirus.", "ASSAULT"),
    ("A US drone strike killed an Iranian commander at Baghdad airport.", "PROTEST"),  # not a labour strike
    ("The US killed the general in a drone strike.", "PROTEST"),
    ("Russia expelled 20 Czech diplomats in retaliation on Sunday.", "ASSAULT"),  # the expulsion is the act
    ("The president fired the health minister.", "ASSAULT"),
    ("The prime minister sacked his finance minister.", "ASSAULT"),
    ("The former mayor was charged with fraud.", "ASSAULT"),
    ("Workers went on strike at the car plant.", "ASSAULT"),
    ("The company launched a new smartphone.", "ASSAULT"),
    ("Shares of the bank were hit by the report.", "ASSAULT"),
    ("The minister stormed out of the meeting.", "ASSAULT"),
    ("Fans chanted the name of the striker.", "PROTEST"),
    ("The team threw a party after the win.", "PROTEST"),
    ("The team threw a party after the win.", "ASSAULT"),
    ("The company's shares dropped sharply.", "ASSAULT"),
    ("The team dropped two points at home.", "ASSAULT"),
    ("The company dropped its bid for the rival.", "ASSAULT"),
    ("Investors exchanged shares worth $2 billion.", "ASSAULT"),
    ("The two leaders exchanged views on trade.", "ASSAULT"),
    ("The ship sailed into port on Monday.", "MOBILIZE"),
    ("The president flew to Paris for the summit.", "MOBILIZE"),
    ("The airline flew jets to Paris.", "MOBILIZE"),
    ("The company revoked the offer.", "SANCTION"),
    ("The committee levied a fee on members.", "SANCTION"),
    ("The pilot downed his drink.", "ASSAULT"),
    ("The minister planted a tree at the ceremony.", "ASSAULT"),
    ("Demand for electric cars exploded last year.", "ASSAULT"),
    ("The coach handed the striker a new contract.", "COERCE"),
    ("The bank added five branches to its network.", "SANCTION"),
    ("The army conducted a test of its new rifle.", "MOBILIZE"),
    ("The EU warned of a humanitarian catastrophe in Yemen.", "THREATEN"),
    ("The central bank raised interest rates.", "MOBILIZE"),
    ("Workers cut off the damaged power line.", "ASSAULT"),
    ("Prosecutors charged him with assault.", "ASSAULT"),
    ("Protesters burned tyres outside the ministry.", "ASSAULT"),
    ("The opposition took its campaign to the streets.", "ACCUSE"),
    ("The airline launched a new route on Monday.", "ASSAULT"),
    ("The company restricted access to its app.", "PROTEST"),
    ("The runner was disqualified for doping.", "COERCE"),
    ("The senator shot down rumours of a split.", "ASSAULT"),
    ("The bank increased its stake in the company.", "SANCTION"),
    ("Burglars broke into the house on Monday.", "COERCE"),
    ("The general ordered troops to withdraw from the town.", "MOBILIZE"),
    ("The coach dropped the striker from the squad.", "SANCTION"),
    ("The company paused production at its plant.", "SANCTION"),
    # Known misreadings outside the lexicon (event code / verbs.yaml), kept so they show when fixed:
    ("The president fired the health minister on Tuesday.", "ASSAULT"),  # "on Tuesday" is a date, not "fire on"
    pytest.param("Trump attacked the media on Twitter.", "ASSAULT", marks=pytest.mark.xfail(
        reason="bare 'attack' (190) has no object check for verbal attacks", strict=True)),
    ("The cyber attack by Russian hackers crippled the ministry's network.", "ASSAULT"),  # COERCE cyber
    pytest.param("The striker shot the ball into the net.", "ASSAULT", marks=pytest.mark.xfail(
        reason="bare 'shoot' (193) has no object check", strict=True)),
    ("North Korea fired two short-range missiles into the sea in a weapons test.", "ASSAULT"),  # a test (150)
    ("Hundreds of prisoners launched a hunger strike on Monday.", "ASSAULT"),  # not launch on + strike (190)
    ("The company suspended the executive's Twitter account.", "COERCE"),  # an account, not the platform
    ("Three soldiers were rushed to hospital after the blast.", "MOBILIZE"),  # taken for care
    ("Ethiopia pushed ahead with the project despite Egyptian objections.", "REQUEST"),  # carries on, no demand
    ("China pushed forward with the construction of the dam on the Mekong.", "REQUEST"),
    ("Russia shot down a Ukrainian drone over Crimea.", "REJECT"),
    ("Kenya threw out two Somali diplomats.", "REJECT"),
    ("The minister responded in a statement on Monday.", "ASSAULT"),
    ("Protesters beat pots and pans outside parliament.", "ASSAULT"),  # a cacerolazo (141)
    ("Investors shunned Argentine bonds.", "PROTEST"),
    ("Police surrounded the house of the suspect.", "PROTEST"),
    ("The Iranian delegation walked out of the talks in Geneva.", "PROTEST"),
    ("The president walked out of hospital on Sunday.", "PROTEST"),
    ("The president walked out of hospital on Sunday.", "SANCTION"),
    ("The pope flew over Iraq on his way to Rome.", "MOBILIZE"),
    ("The prime minister ordered emergency aid to the state of Kerala.", "MOBILIZE"),
    ("The prime minister flew over the flooded region on Sunday.", "MOBILIZE"),  # only warplanes flown count
]


GAPS = [
    # wordings the lexicon cannot reach alone (parse or event code); strict xfail: a fix makes them fail until the mark is removed
    ("Poland declared two Russian diplomats persona non grata.", "SANCTION", "RUS"),  # misparsed clause
    ("Turkey blocked access to Wikipedia.", "COERCE", None),  # verbs.yaml block + access is 144 (roads)
    ("South Korea scrambled fighter jets after Russian bombers entered its air zone.", "MOBILIZE", None),  # misparse
    ("The president ordered the military to a state of alert.", "MOBILIZE", None),  # 'alert' sits under 'state of'
    ("Russian jets flew near the Estonian border.", "MOBILIZE", "EST"),  # 'jet' is not in frames.yaml military_units
]
COVERAGE += [pytest.param(*row, marks=pytest.mark.xfail(reason="outside the lexicon", strict=True)) for row in GAPS]


@pytest.mark.parametrize("text, event_type, recipient", COVERAGE)
def test_conflict_wording_is_coded(pipeline, text, event_type, recipient):
    evs = events_of(text, pipeline)
    hits = [e for e in evs if e.event == event_type]
    assert hits, shown(evs)
    if recipient:
        assert any(recipient in countries(e.recipient) for e in hits), shown(evs)


@pytest.mark.parametrize("text, forbidden", NEGATIVE)
def test_conflict_ambiguous_word_is_not_coded(pipeline, text, forbidden):
    evs = events_of(text, pipeline)
    assert not [e for e in evs if e.event == forbidden], shown(evs)
