"""The words of the synthetic negotiation (`synthetic.py`): openers, phrases, clauses,
brackets and the texts delegations propose."""

PP_OPENERS = (
    "Recalling", "Reaffirming", "Recognizing", "Noting with concern", "Bearing in mind",
    "Stressing", "Emphasizing", "Welcoming", "Acknowledging", "Mindful of", "Taking note of",
    "Expressing concern at", "Underlining", "Noting with appreciation", "Highlighting",
    "Reiterating", "Recalling also", "Recognizing further", "Welcoming also", "Considering",
)
OP_NOUN_OPENERS = (
    "Welcomes", "Reaffirms", "Stresses", "Emphasizes", "Recognizes", "Takes note of",
    "Underlines", "Notes with appreciation", "Acknowledges", "Reiterates",
)
OP_VERB_OPENERS = (
    "Decides to", "Requests the Secretary-General to", "Calls upon States to",
    "Encourages Member States to", "Invites relevant international organizations to",
    "Urges States to", "Also requests the Secretary-General to", "Further calls upon States to",
    "Encourages development partners to", "Invites States and regional organizations to",
)
TOPICS = (
    "the conservation and sustainable use of marine biological diversity",
    "sustainable small-scale fisheries", "the sustainable management of fish stocks",
    "coastal resilience", "ocean science and observation", "a sustainable ocean economy",
    "food security and nutrition", "the protection of coral reefs",
    "integrated coastal zone management", "the prevention of marine pollution",
    "the implementation of the 2030 Agenda for Sustainable Development",
    "the reduction of plastic pollution", "adaptation in coastal communities",
    "port State measures", "marine spatial planning",
    "the restoration of mangroves and seagrass meadows", "access to markets for artisanal fishers",
    "the collection and sharing of fisheries data", "safety at sea for fishers",
    "decent work in the fisheries sector", "the monitoring of fishing vessels",
)
BENEFICIARIES = (
    "small island developing States", "least developed countries",
    "coastal developing countries", "Indigenous Peoples and local communities",
    "women and youth in fishing communities", "landlocked developing countries",
    "small-scale fishers and fish workers", "all Member States", "coastal communities",
)
ACTORS = (
    "the Food and Agriculture Organization of the United Nations",
    "regional fisheries management organizations", "the International Maritime Organization",
    "the Intergovernmental Oceanographic Commission",
    "the United Nations Environment Programme", "civil society and the private sector",
    "international financial institutions", "regional seas conventions and action plans",
    "the International Labour Organization", "the scientific community",
)
THREATS = (
    "climate change", "ocean acidification", "illegal, unreported and unregulated fishing",
    "marine plastic litter", "sea-level rise", "harmful fisheries subsidies",
    "the loss of biodiversity", "eutrophication and hypoxia", "destructive fishing practices",
)
MEANS = (
    "capacity-building", "the transfer of marine technology", "technical assistance",
    "South-South and triangular cooperation", "public-private partnerships",
    "national plans of action", "the exchange of best practices", "scientific research",
)
MEETINGS = (
    "United Nations Ocean Conference", "Committee on Fisheries", "high-level political forum",
    "Conference of the Parties to the Convention on Biological Diversity",
    "Informal Consultative Process on Oceans and the Law of the Sea",
)
FINANCE = ("adequate financial resources", "new and additional resources",
           "voluntary contributions", "concessional finance", "predictable funding")
SESSIONS = ("eighty-second", "eighty-third", "eighty-fourth", "eighty-fifth")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
NOUN_CLAUSES = (
    "the importance of {topic} for {beneficiary}",
    "its resolution {res} of {date} on {topic}",
    "the report of the Secretary-General on {topic} ({doc})",
    "the need to strengthen {topic} in {beneficiary}",
    "the adverse impacts of {threat} on {topic}",
    "the role of {actor} in {topic}",
    "the outcome of the {meeting}, held in {year}",
    "the contribution of {actor} to {topic}",
    "the efforts of {beneficiary} to address {threat}",
)
VERB_CLAUSES = (
    "strengthen {topic}, including through {means}",
    "promote {topic} in {beneficiary}",
    "support {beneficiary} in addressing {threat}",
    "ensure {topic} for {beneficiary}",
    "report on {topic} to the General Assembly at its {session} session",
    "enhance cooperation with {actor} on {topic}",
    "mobilize {finance} for {topic}",
    "consider {means} for {beneficiary}",
)
NOUN_JOINS = (" and ", ", as well as ", ", including ", ", in particular ")
VERB_JOINS = (", and to ", ", while continuing to ", ", and further to ")
BRACKETS = (
    " [within existing resources]",
    " [in accordance with national legislation / as appropriate]",
    " [on voluntarily and mutually agreed terms / on mutually agreed terms]",
    " [, with appropriate and effective special and differential treatment]",
    " [urgently][as a matter of priority]",
)
REPLACEMENTS = (
    "effective", "all relevant", "in a timely manner", "as appropriate", "where feasible",
    "on a voluntary basis", "sustainable", "including through international cooperation",
    "in line with national priorities", "with the support of the international community",
    "consistent with international law", "in particular developing countries",
)
INSERTIONS = (
    "as appropriate", "and effective", "in accordance with national legislation",
    "including women and youth", "on a voluntary basis", "where appropriate",
    "in close cooperation with relevant stakeholders", "and inclusive",
    "consistent with the United Nations Convention on the Law of the Sea",
)
REASONS = (
    "agreed language from resolution 78/68", "consistency with the 2030 Agenda",
    "the text prejudges ongoing negotiations", "national legislation differs",
    "streamlining", "the reference is outdated", "to reflect the needs of developing countries",
)
