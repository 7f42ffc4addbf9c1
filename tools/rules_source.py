# The shipped rule set, written as data. `python3 tools/rules_source.py` writes rules/RKnnnn.<slug>.json.
# Each rule's examples become its docs page (tools/gen_rule_docs.py) and run as tests.
import json, os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
R = []
def rule(id, slug, title, category, severity, kind, message, rationale, params=None, scope=None, fix=None, enabled=True, tags=None, incorrect=None, correct=None):
    d = {"$schema": "./rules.schema.json", "id": id, "title": title, "category": category, "severity": severity}
    if not enabled: d["enabled"] = False
    d["kind"] = kind
    if scope: d["scope"] = scope
    if params: d["params"] = params
    d["message"] = message
    if fix: d["fix"] = fix
    d["rationale"] = rationale
    d["tags"] = tags or (["recommended", "strict"] if enabled else ["strict"])
    d["examples"] = {"incorrect": incorrect, "correct": correct}
    R.append((id, slug, d))

ORDER = ["resolves", "decides", "resolves-further", "resolves-to-instruct", "instructs:SecretaryGeneral", "instructs:Directors",
         "instructs:DirectorBR|DirectorTSB|DirectorBDT", "instructs:RAG|TSAG|TDAG", "instructs:Council", "requests",
         "invites:SectorAssemblies", "invites:MemberStates|SectorMembers|Academia", "encourages", "urges", "invites"]

# ---------------- Structure
rule("RK1001", "labels-in-sequence", "Clause labels in sequence", "Structure", "warning", "sequence",
     "The clause labelled \"{0}\" should be \"{1}\" in \"{2}\"",
     "Preambular clauses are lettered a), b), c) and operative clauses numbered 1, 2, 2.1 in order, so that other texts can cite them unambiguously; a gap or repeat after an edit is renumbered.",
     params={"check": "labels"}, fix={"kind": "renumber", "safe": True, "title": "Renumber the clauses"},
     incorrect=["considering", "a)\tthat the first fact holds;", "c)\tthat the second fact holds,", "", "resolves", "1\tto act on the first fact;", "2\tto act on the second fact."],
     correct=["considering", "a)\tthat the first fact holds;", "b)\tthat the second fact holds,", "", "resolves", "1\tto act on the first fact;", "2\tto act on the second fact."])
rule("RK1002", "single-clause-no-label", "A single clause carries no label", "Structure", "suggestion", "sequence",
     "The only clause of \"{2}\" carries the label \"{0}\"; a group with a single clause is not numbered",
     "In the style of the Final Acts a group with one clause has no letter or number; a label suggests that clauses are missing.",
     params={"check": "single-clause"}, fix={"kind": "renumber", "safe": True, "title": "Remove the label"},
     incorrect=["recalling", "a)\tResolution 71 (Rev. Bucharest, 2022) of this conference,", "", "resolves", "to act on the matter."],
     correct=["recalling", "Resolution 71 (Rev. Bucharest, 2022) of this conference,", "", "resolves", "to act on the matter."])
rule("RK1003", "operative-group-order", "Operative groups in the conventional order", "Structure", "suggestion", "sequence",
     "\"{0}\" should come before \"{1}\"",
     "The harmonized layout puts the conference's own decisions first (resolves, decides), then instructions to its organs in rank order (Secretary-General, Directors, advisory groups, Council), then requests and invitations to others; readers then find each actor's tasks in the same place in every resolution.",
     params={"check": "group-order", "order": ORDER},
     incorrect=["invites Member States", "to take part in the work,", "", "instructs the Secretary-General", "to report on the work."],
     correct=["instructs the Secretary-General", "to report on the work,", "", "invites Member States", "to take part in the work."])
rule("RK1004", "preamble-out-of-proportion", "Preamble out of proportion to the operative part", "Structure", "suggestion", "count",
     "The preamble has {0} clauses for {2} operative clauses; consider shortening it",
     "The guidelines ask that preambles be kept in proportion to what a resolution decides: long lists of considerations restate other texts and grow with every revision.",
     params={"target": "resolution", "measure": "preamble-ratio", "max": 2.5},
     incorrect=["considering", "a)\tthat the first fact holds;", "b)\tthat the second fact holds;", "c)\tthat the third fact holds;", "d)\tthat the fourth fact holds;", "e)\tthat the fifth fact holds;", "f)\tthat the sixth fact holds,", "", "resolves", "1\tto act on the first fact;", "2\tto act on the second fact."],
     correct=["considering", "a)\tthat the first fact holds;", "b)\tthat the second fact holds,", "", "resolves", "1\tto act on the first fact;", "2\tto act on the second fact."])
rule("RK1005", "empty-group", "Group without clauses", "Structure", "error", "expression",
     "The group {0} has no clauses",
     "A group heading with no clause under it is left over from an edit; the text reads as if a clause had been lost.",
     params={"on": "group", "predicate": "group.Group.Clauses.Count == 0"},
     incorrect=["noting", "", "resolves", "to act on the matter."],
     correct=["noting", "that the matter is pressing,", "", "resolves", "to act on the matter."])
rule("RK1006", "formula-matches-revision", "Conference formula matches the latest revision", "Structure", "warning", "expression",
     "The conference formula of {0} does not name the place and year of its latest revision",
     "The formula \"The Plenipotentiary Conference ... (Bucharest, 2022),\" must name the meeting that adopted the text as it stands; a formula left from an earlier revision misdates the text.",
     params={"on": "resolution", "predicate": "resolution.Resolution.Revision != null && resolution.Resolution.ConferenceFormula != null && !(resolution.Resolution.ConferenceFormula.Contains(resolution.Resolution.Revision.Place) && resolution.Resolution.ConferenceFormula.Contains(resolution.Resolution.Revision.Year.ToString()))"},
     incorrect=["@formula The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),", "resolves", "to act on the matter."],
     correct=["resolves", "to act on the matter."])
rule("RK1007", "title-has-revision", "Title line shows the revision", "Structure", "suggestion", "expression",
     "The title line of {0} does not show the revision (\"(REV. BUCHAREST, 2022)\")",
     "A resolution's title line carries the latest revision so that every citation can be checked against it.",
     params={"on": "resolution", "predicate": "resolution.Resolution.Revision == null && resolution.Resolution.Id.Kind == InstrumentKind.Resolution"},
     incorrect=["@title RESOLUTION 1", "resolves", "to act on the matter."],
     correct=["resolves", "to act on the matter."])

# ---------------- Mandate
rule("RK2001", "invite-do-not-instruct", "Member States and others are invited, not instructed", "Mandate", "warning", "phrase",
     "A conference does not instruct {2}: replace '{0}' by 'invites' or 'encourages'",
     "A conference instructs its own organs (the Secretary-General, the Directors, the Council, the advisory groups); Member States, Sector Members, other organizations and the Sector assemblies are sovereign or independent and are invited or encouraged.",
     params={"target": "heading", "pattern": "^(?:instructs|resolves to instruct|directs)\\b"}, scope={"part": "operative", "actors": ["External"]},
     fix={"kind": "replace-match", "with": "invites", "safe": False, "title": "Use 'invites'"},
     incorrect=["instructs Member States", "to take part in the work."], correct=["invites Member States", "to take part in the work."])
rule("RK2002", "operative-clause-without-action", "Operative clause without an action", "Mandate", "suggestion", "expression",
     "The operative clause {0} does not open with an action (\"to ...\" or \"that ...\")",
     "Every operative clause states what is to be done, in the infinitive after the group's verb (\"instructs the Secretary-General / to ...\") or as \"that ...\" after \"resolves\"; a clause that only describes a situation belongs in the preamble.",
     params={"on": "clause", "predicate": "clause.Part == Part.Operative && clause.Depth == 0 && clause.Text.Length > 0 && !(clause.Text.StartsWith(\"to \") || clause.Text.StartsWith(\"that\") || clause.Text.StartsWith(\"To \") || clause.Text.StartsWith(\"That\") || clause.Text.StartsWith(\"in \") || clause.Text.StartsWith(\"In \") || clause.Text.StartsWith(\"where\") || clause.Text.StartsWith(\"Where\") || clause.Text.StartsWith(\"as \") || clause.Text.StartsWith(\"also \"))"},
     incorrect=["resolves", "1\tto act on the matter;", "2\tthe matter is important."], correct=["resolves", "1\tto act on the matter;", "2\tthat the matter is important."])
rule("RK2003", "one-actor-one-verb", "One actor, one verb", "Mandate", "suggestion", "expression",
     "{0} addresses the same actor with both 'instructs' and 'requests'",
     "The same organ should be addressed with one verb for the same kind of task: instructing and requesting the Secretary-General in one text suggests a difference in force that is not intended.",
     params={"on": "resolution", "predicate": "resolution.Resolution.Operative.Where(g => g.Kind == \"instructs\" || g.Kind == \"requests\").SelectMany(g => g.Actors.Select(a => a.Key + \" \" + g.Kind)).Distinct().Select(s => s.Split(' ')[0]).GroupBy(k => k).Any(k => k.Count() > 1)"},
     incorrect=["instructs the Secretary-General", "to report on the work,", "", "requests the Secretary-General", "to publish the results."],
     correct=["instructs the Secretary-General", "1\tto report on the work;", "2\tto publish the results."])

# ---------------- References
rule("RK3001", "superseded-revision", "Reference to a superseded revision", "References", "warning", "reference",
     "{0} has been revised; cite the latest revision ({1})",
     "References to other texts cite the revision in force; a reference to an earlier revision points readers to a text that no longer applies (harmonization guidelines: references to superseded texts).",
     params={"check": "superseded"}, fix={"kind": "latest-revision", "safe": True},
     incorrect=["recalling", "Resolution 71 (Rev. Dubai, 2018) of this conference,", "", "resolves", "to act on the matter."],
     correct=["recalling", "Resolution 71 (Rev. Bucharest, 2022) of this conference,", "", "resolves", "to act on the matter."])
rule("RK3002", "unknown-instrument", "Reference to an instrument that does not exist", "References", "warning", "reference",
     "{0} does not exist (the highest number in use is {1})",
     "A reference must point to an instrument in force; a number beyond those ever used is a typing error or a text that was never adopted.",
     params={"check": "unknown"},
     incorrect=["recalling", "Resolution 999 of this conference,", "", "resolves", "to act on the matter."],
     correct=["recalling", "Resolution 139 (Rev. Bucharest, 2022) of this conference,", "", "resolves", "to act on the matter."])
rule("RK3003", "suppressed-instrument", "Reference to a suppressed instrument", "References", "warning", "reference",
     "{0} has been suppressed (replaced by {1})",
     "A suppressed resolution no longer exists; texts that cite it must cite what replaced it or drop the reference.",
     params={"check": "suppressed"},
     incorrect=None, correct=["recalling", "Resolution 71 (Rev. Bucharest, 2022) of this conference,", "", "resolves", "to act on the matter."])
rule("RK3004", "self-reference", "A text citing itself", "References", "suggestion", "reference",
     "The text cites itself ({0}); write 'this resolution'",
     "A resolution refers to itself as \"this resolution\"; citing its own number and revision goes stale at the next revision.",
     params={"check": "self"}, scope={"part": "operative"},
     incorrect=["resolves", "to implement Resolution 1 (Rev. Bucharest, 2022) of this conference."], correct=["resolves", "to implement this resolution."])
rule("RK3005", "reference-without-revision", "Reference without a revision", "References", "suggestion", "reference",
     "{0} is cited without its revision{1}",
     "A citation names the revision it means (\"Resolution 71 (Rev. Bucharest, 2022)\") so that it stays checkable when the cited text is revised.",
     params={"check": "no-revision"}, scope={"part": "preamble"}, fix={"kind": "insert-revision", "safe": False},
     incorrect=["recalling", "Resolution 71 of this conference,", "", "resolves", "to act on the matter."],
     correct=["recalling", "Resolution 71 (Rev. Bucharest, 2022) of this conference,", "", "resolves", "to act on the matter."])
rule("RK3006", "long-recalling-list", "Long list of instruments recalled", "References", "suggestion", "count",
     "\"{2}\" cites {0} instruments (more than {1}); consider a generic reference",
     "Long recalling lists restate the corpus instead of the resolution's purpose; the guidelines prefer a generic reference (\"the relevant resolutions of the Plenipotentiary Conference and the Sector assemblies\") or the few texts that matter.",
     params={"target": "group", "measure": "instruments", "max": 6}, scope={"groupKinds": ["recalling", "recalling-further"]},
     incorrect=["recalling", "a)\tResolutions 70, 71, 123, 130 and 139 (Rev. Bucharest, 2022) of this conference;", "b)\tResolutions 154 and 175 (Rev. Bucharest, 2022) of this conference,", "", "resolves", "to act on the matter."],
     correct=["recalling", "the relevant resolutions of this conference,", "", "resolves", "to act on the matter."])

# ---------------- Duplication
rule("RK4001", "duplicate-within", "Near-duplicate clauses in one resolution", "Duplication", "warning", "duplicate",
     "This clause repeats {0} ({1}% similar)",
     "A resolution should say each thing once; repeated clauses drift apart in later revisions (harmonization guidelines: texts that repeat each other).",
     params={"relation": "within", "threshold": 0.6}, fix={"kind": "delete-clause", "safe": False, "title": "Delete the repeated clause"},
     incorrect=["resolves", "1\tto strengthen coordination among the three Sectors on matters of mutual interest;", "2\tto strengthen the coordination among the three Sectors on matters of mutual interest."],
     correct=["resolves", "1\tto strengthen coordination among the three Sectors on matters of mutual interest;", "2\tto review the results at each session of the Council."])
rule("RK4002", "duplicate-across", "Near-duplicate clauses in two resolutions of one body", "Duplication", "warning", "duplicate",
     "This clause repeats {0} ({1}% similar); cite it instead of repeating it",
     "The same instruction in two resolutions of the same conference is carried out and reported twice; one text should carry it and the other cite it.",
     params={"relation": "across", "threshold": 0.5}, scope={"part": "operative"},
     incorrect=["resolves", "to strengthen coordination among the three Sectors on matters of mutual interest.", "---", "@title RESOLUTION 2 (REV. BUCHAREST, 2022)", "resolves", "to strengthen the coordination among the three Sectors on matters of mutual interest."],
     correct=["resolves", "to strengthen coordination among the three Sectors on matters of mutual interest.", "---", "@title RESOLUTION 2 (REV. BUCHAREST, 2022)", "resolves", "to review the use of the six official languages of the Union."])
rule("RK4003", "duplicate-with-sector", "Plenipotentiary and Sector resolutions instructing the same work", "Duplication", "warning", "duplicate",
     "This clause repeats {0} ({1}% similar): the same work is instructed by the Plenipotentiary Conference and a Sector assembly",
     "Resolution 191 seeks to avoid duplication between the Sectors and the General Secretariat: when a Plenipotentiary resolution and a Sector resolution instruct the same activity, one should carry it and the other refer to it.",
     params={"relation": "sector", "threshold": 0.5}, scope={"part": "operative"},
     incorrect=["resolves", "to strengthen coordination among the three Sectors on matters of mutual interest.", "---", "@wtsa", "resolves", "to strengthen the coordination among the three Sectors on matters of mutual interest."],
     correct=["resolves", "to strengthen coordination among the three Sectors on matters of mutual interest.", "---", "@wtsa", "resolves", "to maintain the rules of procedure of the Sector."])
rule("RK4004", "same-instruction-same-actor", "The same instruction to the same actor in several resolutions", "Duplication", "warning", "duplicate",
     "{0} gives this actor the same instruction ({1}% similar)",
     "An organ given one task in several resolutions reports on it several times; the task belongs in one text.",
     params={"relation": "any", "threshold": 0.5, "sameActor": True}, scope={"part": "operative", "actors": ["Organ"]}, enabled=False,
     incorrect=["instructs the Secretary-General", "to report annually to the Council on the coordination of the three Sectors.", "---", "@title RESOLUTION 2 (REV. BUCHAREST, 2022)", "instructs the Secretary-General", "to report annually to the Council on the coordination among the three Sectors."],
     correct=["instructs the Secretary-General", "to report annually to the Council on the coordination of the three Sectors.", "---", "@title RESOLUTION 2 (REV. BUCHAREST, 2022)", "instructs the Secretary-General", "to publish the documents in the six official languages."])
rule("RK4005", "mergeable-resolutions", "Resolutions that overlap enough to merge", "Duplication", "suggestion", "mergeable",
     "{1} shares {2} operative clauses ({3}%) with {0}; consider merging them",
     "Resolutions on one subject that overlap substantially should be merged into one text and the others suppressed (harmonization guidelines: resolutions that overlap enough to be merged).",
     params={"threshold": 0.3, "minShared": 2},
     incorrect=["resolves", "1\tto strengthen coordination among the three Sectors on matters of mutual interest;", "2\tto report annually to the Council on the coordination of the three Sectors.", "---", "@title RESOLUTION 2 (REV. BUCHAREST, 2022)", "resolves", "1\tto strengthen the coordination among the three Sectors on matters of mutual interest;", "2\tto report annually to the Council on the coordination among the three Sectors."],
     correct=["resolves", "1\tto strengthen coordination among the three Sectors on matters of mutual interest;", "2\tto report annually to the Council on the coordination of the three Sectors.", "---", "@title RESOLUTION 2 (REV. BUCHAREST, 2022)", "resolves", "1\tto publish the documents in the six official languages;", "2\tto review the interpretation arrangements for meetings."])

# ---------------- Currency
rule("RK5001", "past-event", "Instruction tied to a past conference", "Currency", "warning", "deadline",
     "\"{0}\" has taken place (as of {1}); refer to the next meeting or delete the completed task",
     "Instructions tied to a conference or session that has already met are spent; they are either completed (delete them) or recurring (refer to \"the next plenipotentiary conference\").",
     params={"detect": "events"}, scope={"part": "operative"}, fix={"kind": "next-meeting", "safe": False},
     incorrect=["instructs the Secretary-General", "to report to PP-18 on the results."], correct=["instructs the Secretary-General", "to report to the next plenipotentiary conference on the results."])
rule("RK5002", "past-date", "Instruction tied to a past year or session", "Currency", "warning", "deadline",
     "\"{0}\" lies in the past (as of {1}); the task is spent or needs a new date",
     "A task due by a date that has passed is either done, and can be deleted, or overdue, and needs a new date; either way the text must change.",
     params={"detect": "years"}, scope={"part": "operative"}, fix={"kind": "delete-clause", "safe": False, "title": "Delete the completed instruction"},
     incorrect=["instructs the Secretary-General", "to complete the review by 2019."], correct=["instructs the Secretary-General", "to complete the review before the next session of the Council."])
rule("RK5003", "fixed-conference-name", "Fixed name of a future conference", "Currency", "suggestion", "deadline",
     "\"{0}\" names a fixed meeting; \"the next ...\" keeps the text current",
     "Naming the next meeting (\"PP-30\") dates the text; \"the next plenipotentiary conference\" stays right through revisions.",
     params={"detect": "fixed-names"}, scope={"part": "operative"}, fix={"kind": "next-meeting", "safe": True}, enabled=False,
     incorrect=["instructs the Secretary-General", "to report to PP-30 on the results."], correct=["instructs the Secretary-General", "to report to the next plenipotentiary conference on the results."])

rule("RK5004", "all-time-bound", "A resolution whose operative part is all time-bound", "Currency", "suggestion", "deadline",
     "Every operative clause of {0} ({1}) is tied to a meeting or a date; such a text is a decision, or can be suppressed once carried out",
     "Resolutions set lasting policy and decisions deal with time-bound matters; a resolution whose every instruction is tied to a meeting or a date should become a decision or be suppressed when its tasks are done (harmonization guidelines).",
     params={"detect": "all-time-bound"}, scope={"instruments": ["Resolution"]},
     incorrect=["resolves", "1\tto hold a forum on the matter in 2027;", "2\tto report on the forum to PP-30."],
     correct=["resolves", "1\tto hold a forum on the matter in 2027;", "2\tto keep the matter under review."])

# ---------------- Reporting
rule("RK6001", "several-reports", "Several reporting requests in one resolution", "Reporting", "suggestion", "reporting",
     "Another report is requested in {0}; consider one periodic report on the implementation of this resolution",
     "Several reporting requests in one resolution multiply documents for the Council and the conference; one periodic report covering the whole resolution serves the same purpose.",
     params={"check": "several"},
     incorrect=["instructs the Secretary-General", "1\tto report annually to the Council on the work;", "2\tto report to the next plenipotentiary conference on the results."],
     correct=["instructs the Secretary-General", "1\tto report annually to the Council on the implementation of this resolution;", "2\tto publish the results."])
rule("RK6002", "council-and-conference", "Reporting on one matter to both the Council and the conference", "Reporting", "suggestion", "reporting",
     "This matter is also reported to the Council in {0}; the conference receives the Council's reports, so a separate report to it duplicates work",
     "The annual reports to the Council are transmitted to the plenipotentiary conference; asking for a separate report to the conference on the same matter duplicates work.",
     params={"check": "council-and-conference", "threshold": 0.1},
     incorrect=["instructs the Secretary-General", "1\tto report annually to the Council on the coordination of the three Sectors;", "2\tto report to the next plenipotentiary conference on the coordination of the three Sectors."],
     correct=["instructs the Secretary-General", "1\tto report annually to the Council on the coordination of the three Sectors;", "2\tto publish the results."])
rule("RK6003", "reports-across-resolutions", "Reports on one subject requested in several resolutions", "Reporting", "suggestion", "reporting",
     "A report on the same subject is requested in {0}",
     "When two resolutions ask for reports on the same subject, one report should serve both (harmonization guidelines: overlapping reporting requests).",
     params={"check": "across", "threshold": 0.5},
     incorrect=["instructs the Secretary-General", "to report annually to the Council on the coordination of the three Sectors.", "---", "@title RESOLUTION 2 (REV. BUCHAREST, 2022)", "instructs the Secretary-General", "to report annually to the Council on the coordination among the three Sectors."],
     correct=["instructs the Secretary-General", "to report annually to the Council on the coordination of the three Sectors.", "---", "@title RESOLUTION 2 (REV. BUCHAREST, 2022)", "instructs the Secretary-General", "to report annually to the Council on the use of the six languages."])

rule("RK6004", "covered-by-annual-report", "Report already covered by the annual report on resolutions", "Reporting", "suggestion", "phrase",
     "The Secretary-General's annual report to the Council on the implementation of resolutions already covers \"{0}\"",
     "The Council receives every year a report on the implementation of the resolutions and decisions of the Plenipotentiary Conference; a resolution need not ask separately for an annual report on its own implementation (harmonization guidelines: reporting the general report already covers).",
     params={"pattern": "\\breport(?:s|ing)?\\s+annually\\s+to\\s+(?:the\\s+)?Council\\s+on\\s+(?:the\\s+)?(?:implementation|progress\\s+made\\s+in\\s+implementing)\\s+(?:of\\s+)?this\\s+resolution"},
     scope={"part": "operative", "bodies": ["PP"]}, fix={"kind": "delete-clause", "safe": False, "title": "Delete the request; the annual report covers it"},
     incorrect=["instructs the Secretary-General", "1\tto report annually to the Council on the implementation of this resolution;", "2\tto publish the results."],
     correct=["instructs the Secretary-General", "1\tto report annually to the Council on the use of remote participation;", "2\tto publish the results."])

# ---------------- Resources
rule("RK7001", "financial-resources", "New activity without regard to available resources", "Resources", "warning", "phrase",
     "This instruction creates an activity (\"{0}\") without saying it is carried out within the available financial resources",
     "New activities are to be created with regard to the financial resources available (harmonization guidelines); operative clauses that establish, create or organize something say that it is done within the available financial resources.",
     params={"mode": "require", "pattern": "within (?:the )?(?:available|existing|allocated|approved) (?:financial )?(?:resources|budget)|within (?:the )?(?:approved )?budget|within the limits of", "when": "\\b(?:to|shall)\\s+(?:establish|create|set up|organize|organise|convene)\\b"},
     scope={"part": "operative", "groupKinds": ["instructs", "resolves-to-instruct", "requests"]},
     incorrect=["instructs the Secretary-General", "to establish a help desk for remote participants."], correct=["instructs the Secretary-General", "to establish, within the available financial resources, a help desk for remote participants."])

# ---------------- Terminology and style
rule("RK8001", "gender-neutral-terms", "Gender-neutral terms", "Terminology", "warning", "substitution",
     "Use \"{1}\" instead of \"{0}\"",
     "ITU texts use gender-neutral language (Resolution 70): chair, vice-chair, chairing.",
     params={"terms": [{"discouraged": "chairmen", "preferred": "chairs"}, {"discouraged": "chairman", "preferred": "chair"}, {"discouraged": "vice-chairmen", "preferred": "vice-chairs"}, {"discouraged": "vice-chairman", "preferred": "vice-chair"}, {"discouraged": "chairmanship", "preferred": "chairing"}, {"discouraged": "manpower", "preferred": "staff"}]},
     incorrect=["resolves", "to ask the chairman of each study group to report."], correct=["resolves", "to ask the chair of each study group to report."])
rule("RK8002", "defined-term-capitals", "Capitals of defined terms", "Terminology", "warning", "substitution",
     "Write \"{1}\", a defined term, not \"{0}\"",
     "Member States, Sector Members, Associates and Academia are defined terms of the Constitution and Convention and keep their capitals.",
     params={"terms": [{"discouraged": "member states", "preferred": "Member States", "caseSensitive": True}, {"discouraged": "Member states", "preferred": "Member States", "caseSensitive": True}, {"discouraged": "member state", "preferred": "Member State", "caseSensitive": True}, {"discouraged": "sector members", "preferred": "Sector Members", "caseSensitive": True}, {"discouraged": "Sector members", "preferred": "Sector Members", "caseSensitive": True}]},
     incorrect=["invites Member States", "to consult member states of their region."], correct=["invites Member States", "to consult Member States of their region."])
rule("RK8003", "official-names", "Official names of the Union's organs", "Terminology", "warning", "substitution",
     "Use the official name \"{1}\" instead of \"{0}\"",
     "The organs of the Union have official names (Constitution, Article 7): the Secretary-General, the Radiocommunication Sector, the Telecommunication Standardization Sector; variants make texts harder to search and translate.",
     params={"terms": [{"discouraged": "Secretary General", "preferred": "Secretary-General", "caseSensitive": True}, {"discouraged": "Standardisation", "preferred": "Standardization"}, {"discouraged": "Radio Communication", "preferred": "Radiocommunication"}, {"discouraged": "Radio-communication", "preferred": "Radiocommunication"}, {"discouraged": "Telecom Development Bureau", "preferred": "Telecommunication Development Bureau"}, {"discouraged": "Telecom Standardization Bureau", "preferred": "Telecommunication Standardization Bureau"}]},
     incorrect=["resolves", "to ask the Secretary General to report."], correct=["resolves", "to ask the Secretary-General to report."])
rule("RK8004", "developing-countries-footnote", "The standard footnote on developing countries", "Terminology", "suggestion", "expression",
     "{0} speaks of developing countries without the standard footnote (least developed countries, small island developing states, landlocked developing countries, economies in transition)",
     "Texts that mention developing countries carry the standard footnote saying they include the least developed countries, small island developing states, landlocked developing countries and countries with economies in transition.",
     params={"on": "resolution", "predicate": "resolution.AllClauses.Any(c => c.Clause.Text.Contains(\"developing countries\")) && !resolution.Resolution.Footnotes.Any(f => f.Text.Contains(\"least developed countries\"))"},
     incorrect=["resolves", "to assist developing countries."], correct=["resolves", "to assist developing countries¹.", "", "¹\tThese include the least developed countries, small island developing states, landlocked developing countries and countries with economies in transition."])
rule("RK8005", "overlong-clause", "Over-long clause", "Style", "suggestion", "count",
     "This clause has {0} words (more than {1}); consider splitting it",
     "Clauses of more than about ninety words are hard to translate consistently into the six languages and usually hold more than one instruction.",
     params={"target": "clause", "measure": "words", "max": 90},
     incorrect=["resolves", "to " + " ".join(["ensure that the work of the Sectors is coordinated"] * 13) + "."], correct=["resolves", "to ensure that the work of the Sectors is coordinated."])

if __name__ == "__main__":
    keep = set()
    for id, slug, d in R:
        if d["examples"]["incorrect"] is None:
            del d["examples"]["incorrect"]
        name = f"{id}.{slug}.json"
        keep.add(name)
        with open(os.path.join(ROOT, "rules", name), "w") as f:
            f.write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
    for f in os.listdir(os.path.join(ROOT, "rules")):
        if f.startswith("RK") and f.endswith(".json") and f not in keep:
            os.remove(os.path.join(ROOT, "rules", f))
    print(len(R), "rules written")
