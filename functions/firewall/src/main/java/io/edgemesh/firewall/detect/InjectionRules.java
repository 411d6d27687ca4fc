package io.edgemesh.firewall.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-written rules for prompt injection and jailbreaks in English, German, Spanish, French,
 * Portuguese (and the commonest Italian and Dutch verbs), matched on the folded text (no accents,
 * lower case, de-spaced, de-leeted) and, for the few phrases an attacker spells letter by letter, on
 * the compact text. They describe the <em>intent</em> of an attack (override earlier instructions,
 * reveal the system prompt, drop the rules, adopt an unrestricted persona) rather than quoting any
 * known prompt.
 *
 * <p>Scoring: each rule has a weight; the rules that match in one category are combined as a
 * noisy-or ({@code 1 - Π(1 - w)}), so two or three weak signals together count like one strong one.
 * A category whose score reaches {@link #BLOCKING} blocks on its own; weaker scores are still reported
 * and the firewall combines them with the embedding classifier.
 */
public final class InjectionRules implements Detector {

    /** A score at or above this blocks without the classifier's agreement. */
    public static final double BLOCKING = 0.9;

    /**
     * @param unlessBefore when it matches the text just before the match, the weight drops to
     *                     {@code reducedWeight} (a visitor asking whether <em>they</em> may ignore
     *                     something is not attacking anyone)
     */
    record Rule(String category, Pattern pattern, double weight, String reason, Pattern unlessBefore, double reducedWeight,
                boolean onCompact, java.util.Set<String> anchors) { }

    static final String INJECTION = "prompt_injection";
    static final String JAILBREAK = "jailbreak";

    private static final String IGNORE = "(ignore|ignoring|disregard|forget|skip|bypass|override|overwrite|overrule|abandon|discard|"
            + "set aside|throw away|neglect|do not follow|don't follow|dont follow|stop following|cancel|erase|delete|clear|reset|"
            + "ignoriere|ignorier|ignorieren|ignoriert|ignoriert|vergiss|vergesst|vergessen|missachte|missachten|verwirf|verwerfe|"
            + "uberschreibe|ubergehe|losche|befolge nicht|folge nicht|"
            + "ignora|ignore|ignoren|ignorar|ignoras|olvida|olvide|olviden|olvidar|olvidate|descarta|descarte|omite|omita|"
            + "pasa por alto|no sigas|no sigan|no siga|deja de seguir|anula|borra|"
            + "ignorez|ignorer|oublie|oubliez|oublier|neglige|negligez|ne tiens pas compte|ne tenez pas compte|ne suis pas|"
            + "ne suivez pas|arrete de suivre|annule|annulez|efface|effacez|fais abstraction|faites abstraction|"
            + "ignorem|esqueca|esquece|esquecam|esquecer|desconsidere|desconsidera|descarta|nao siga|nao sigas|deixe de seguir|"
            + "pare de seguir|apague|anule|dimentica|dimenticate|ignorate|non seguire|negeer|vergeet|zaboravi|ignoriraj|"
            + "leave|leave behind|put behind|lass|lassen sie|laisse de cote|deja atras|deixe para tras)";
    /** Words that point back at the instructions the model was given, not at a visitor's own papers. */
    private static final String PRIOR = "(previous|prior|above|earlier|preceding|foregoing|former|initial|original|existing|old|"
            + "given|default|system|your|all( of)?( the| your| my)?( previous| prior| above| earlier)?|any|every|"
            + "vorherigen|vorherige|bisherigen|bisherige|obigen|obige|vorigen|vorige|fruheren|fruhere|vorangegangenen|"
            + "ursprunglichen|alten|deine|deiner|ihre|alle|samtliche|samtlichen|oben|"
            + "anteriores|anterior|previas|previos|precedentes|originales|iniciales|tus|sus|todas|todos|de arriba|del sistema|"
            + "precedents|anterieures|anterieurs|initiales|tes|vos|toutes|tous|ci-dessus|du systeme|"
            + "iniciais|originais|tuas|suas|acima|do sistema|precedenti|tutte|tutti|le tue|alle vorige|vorangegangenen|sve)";
    private static final String ORDERS = "(instructions?|prompts?|rules|directions|directives|guidelines|orders|commands|"
            + "context|tasks?|programming|constraints|restrictions|guardrails|messages?|text|input|conversation|information|"
            + "anweisung|anweisungen|befehle|regeln|vorgaben|aufgaben|aufgabe|richtlinien|informationen|angaben|instruktionen|"
            + "instrucciones|instruccion|reglas|ordenes|indicaciones|tareas|directrices|normas|"
            + "consignes|regles|ordres|taches|directives|"
            + "instrucoes|instrucao|regras|ordens|tarefas|diretrizes|istruzioni|regole|instructies|instrukcije|upute)";
    private static final String EVERYTHING = "(everything|all that|all of that|alles|todo|todo lo|tout|tout ce|tudo|tutto)";
    private static final String BEFORE = "(said|told|written|above|before|so far|until now|up to now|earlier|previously|"
            + "gesagt|geschrieben|oben|bisher|davor|zuvor|vorher|bis jetzt|"
            + "dicho|escrito|antes|arriba|hasta ahora|anterior|dit|ecrit|avant|precede|ci-dessus|jusqu'ici|jusqu'a present|"
            + "dito|acima|ate agora|detto|prima)";
    private static final String YOU = "(you|you're|youre|du|dich|dir|tu|te|usted|vous|voce|vc)";
    private static final String QUESTIONING_SELF = "(can|could|should|shall|may|do|did|must|would|have to|kann|darf|soll|muss|puedo|debo|"
            + "puis-je|dois-je|posso|devo)\\W+(i|we|ich|wir|je|nous|yo|eu|nos)?\\W*(just |simply |safely )?\\W*$";

    private static final List<Rule> RULES = List.of(
            rule(INJECTION, "\\b" + IGNORE + "\\b(\\W+\\w+){0,3}?\\W+" + PRIOR + "\\b(\\W+[\\w'-]+){0,3}?\\W+" + ORDERS + "\\b", 0.97,
                    "asks to ignore or override the instructions it was given", QUESTIONING_SELF, 0.5),
            rule(INJECTION, "\\b" + IGNORE + "\\W+" + EVERYTHING + "\\b(\\W+[\\w'-]+){0,4}?\\W+" + BEFORE + "\\b", 0.95,
                    "asks to forget everything said before"),
            rule(INJECTION, "\\b" + IGNORE + "\\W+(the |das |lo |le |o )?(above|obige|obiges|das obige|anterior|ci-dessus|acima|sopra)\\b", 0.93,
                    "asks to ignore the text above"),
            rule(INJECTION, "\\b" + IGNORE + "\\W+" + EVERYTHING + "\\b", 0.6, "asks to forget everything"),
            rule(INJECTION, "\\b(your|deine|dein|tu|tus|ta|tes|votre|vos|sua|seu|tua|la tua)\\W+(new|neue|neuer|neues|nueva|nuevo|nuevas|"
                    + "nouvelle|nouveau|nouvelles|nova|novo|novas|nuova|nuovo)\\W+(task|tasks|instructions?|role|job|mission|goal|purpose|"
                    + "aufgabe|aufgaben|anweisung|anweisungen|rolle|ziel|tarea|tareas|instrucciones|rol|mision|objetivo|tache|taches|"
                    + "consignes|role|mission|but|tarefa|tarefas|instrucoes|papel|funcao|missao|compito|ruolo)\\b", 0.9,
                    "hands the assistant a replacement task"),
            rule(INJECTION, "\\b(new|neue|nueva|nuevas|nouvelle|nouvelles|nova|novas|nuove|updated|revised|real|actual|true)\\W+"
                    + "(instructions?|anweisungen|aufgabe|task|instrucciones|tarea|consignes|tache|instrucoes|tarefa|istruzioni|"
                    + "rules|regeln|reglas|regles|regras|directives)\\b\\W*(:|follow|folge|folgen|sigue|siga|suivez|suis|segue|are|sind|son|sont|sao)",
                    0.8, "introduces replacement instructions"),
            rule(INJECTION, "\\b(reveal|show|print|output|repeat|display|tell|give|leak|dump|spell out|write out|write down|list|share|"
                    + "copy|paste|return|recite|expose|disclose|summarise|summarize|translate|what is|what are|what were|what was|what's)\\b(\\W+[\\w'-]+){0,5}?\\W+"
                    + "(system\\W?prompt|system message|initial prompt|original prompt|hidden prompt|secret prompt|pre-?prompt|meta\\W?prompt|"
                    + "your prompt|the prompt (you|that)|hidden instructions|secret instructions|original instructions|initial instructions|"
                    + "internal instructions|developer (message|instructions)|system instructions|your instructions|instructions (you were|you have been) given|"
                    + "(rules|guidelines) you (were|have been) given|configuration you (were|have been) given|words above|text above|everything above)\\b",
                    0.95, "asks for the system prompt or hidden instructions"),
            rule(INJECTION, "\\b(zeige?|zeig|gib|verrate|wiederhole|nenne|schreibe?|drucke|ausgeben|offenbare|teile)\\b(\\W+[\\w'-]+){0,5}?\\W+"
                    + "(system\\W?prompt|systemnachricht|systemanweisung(en)?|initialen (prompt|anweisungen)|geheimen anweisungen|"
                    + "ursprunglichen anweisungen|deine anweisungen|deinen prompt|versteckten anweisungen|den text (oben|davor))\\b", 0.93,
                    "asks for the system prompt (de)"),
            rule(INJECTION, "\\b(muestra|muestrame|revela|revelame|dime|di|repite|imprime|escribe|comparte|montre|montre-moi|revele|affiche|"
                    + "repete|ecris|donne|dis-moi|mostre|mostra|revele|diga|repita|imprima|escreva|mostrami|rivela|ripeti)\\b(\\W+[\\w'-]+){0,5}?\\W+"
                    + "(prompt|instrucciones|consignes|instructions|instrucoes|istruzioni|mensaje|message|mensagem)\\W+(del sistema|du systeme|"
                    + "do sistema|di sistema|iniciales|initiales|iniciais|iniziali|ocultas|cachees|secretas|secretes|escondidas|ocultas|originales|"
                    + "originais|segrete)\\b", 0.93, "asks for the system prompt (es/fr/pt/it)"),
            rule(INJECTION, "\\b(tus|tes|vos|tuas|suas|le tue) (instrucciones|consignes|instructions|instrucoes|istruzioni)\\W+"
                    + "(del sistema|du systeme|do sistema|iniciales|initiales|iniciais|originales|originais)\\b", 0.9,
                    "points at the assistant's own instructions (es/fr/pt/it)"),
            rule(INJECTION, "\\b((you are|you're|youre|du bist|tu es|eres|tu eres|voce e|vous etes|sei)\\W+(now|jetzt|nun|ab jetzt|ahora|"
                    + "maintenant|desormais|agora|ora)|(now|jetzt|nun) (you are|bist du|sind sie))\\b", 0.6, "tries to assign a new identity"),
            rule(INJECTION, "\\b(from now on|from this (point|moment)( on)?|starting now|henceforth|von nun an|ab jetzt|ab sofort|"
                    + "a partir de ahora|desde ahora|de ahora en adelante|a partir de maintenant|desormais|dorenavant|a partir de agora|"
                    + "daqui em diante|de agora em diante|d'ora in poi|da ora in poi)\\b(\\W+[\\w'-]+){0,8}?\\W+" + YOU
                    + "\\W+(are|will|must|shall|should|have to|bist|wirst|musst|sollst|eres|seras|debes|es|seras|dois|devez|e|sera|deve|vai)\\b",
                    0.75, "redefines the assistant's behaviour from now on"),
            rule(INJECTION, "\\b(i want you to|i need you to|you will|you must|you shall|you are going to|you're going to|youre going to|"
                    + "your job is to|your task is to|ich mochte dass du|ich mochte dass sie|ich will dass du|ich will dass sie|du sollst|du wirst|"
                    + "quiero que|necesito que|je veux que tu|je veux que vous|tu vas|vous allez|quero que voce|quero que tu|preciso que voce|"
                    + "preciso que tu|voglio che tu)\\b(\\W+[\\w'-]+){0,2}?\\W+"
                    + "(act|behave|respond|answer|reply|pretend|roleplay|role-play|play|speak|talk|agierst|handelst|spielst|antwortest|fungieren|fungierst|agieren|"
                    + "actues|act[uú]es|finjas|respondas|juegues|agisses|joues|repondes|fasses semblant|aja|atue|finja|responda|agisca)\\b"
                    + "(\\W+[\\w'-]+){0,2}?\\W*(as|like|als|wie|como|comme|da|in the role|die rolle|el papel|le role|o papel)\\b", 0.65,
                    "assigns the assistant a new role"),
            rule(INJECTION, "(^|[\\n\\[<{(#*]|\\W\\W)\\s*(system|assistant|developer|admin|administrator|root|sudo|operator)\\s*"
                    + "(prompt|message|note|override|instruction|mode|update)?\\s*[:\\]>}]\\s*\\W*(you|ignore|new|override|from now|the (assistant|ai|model)|"
                    + "du|ignoriere|tu|ignora|vous|ignorez|voce)", 0.85, "forges a system or developer message"),
            rule(INJECTION, "<\\|?(im_start|im_end|system|endoftext|eot_id|start_header_id|end_header_id)\\|?>|\\[/?inst\\]|<</?sys>>|"
                    + "###\\s*(system|instruction|new instructions)|\\bbegin(ning)? of (new )?(system )?(prompt|instructions)\\b|"
                    + "\\bend of (system )?(prompt|instructions)\\b", 0.95, "contains chat-template control tokens or prompt delimiters"),
            rule(INJECTION, "\\b(do not|don't|dont|never|nicht|no|ne|nao|non)\\b\\W+(tell|inform|mention|reveal|warn|sagen|verraten|erwahnen|"
                    + "digas|menciones|informes|dis|dites|mentionne|diga|mencione|informe|dire)\\b(\\W+[\\w'-]+){0,3}?\\W+"
                    + "(the user|user|users|the customer|the visitor|benutzer|nutzer|usuario|utilisateur|usuario|utente)\\b", 0.75,
                    "asks to hide something from the user"),
            rule(INJECTION, "\\b(instead|stattdessen|en su lugar|en cambio|au lieu de cela|a la place|em vez disso|ao inves disso|invece)\\b"
                    + "(\\W+[\\w'-]+){0,4}?\\W+(say|write|answer|respond|output|print|sag|sage|schreib|schreibe|antworte|gib aus|di|escribe|responde|"
                    + "imprime|dis|ecris|reponds|affiche|diga|escreva|responda|imprima|scrivi|rispondi)\\b", 0.6, "redirects the answer"),
            rule(INJECTION, "\\b(say|print|write|output|respond with|reply with|answer with|sag|schreib|schreibe|di|escribe|dis|ecris|diga|escreva)"
                    + "\\W+[\"'“«]?\\W*(i have been |i've been |ive been |i am |ich wurde |ich bin |he sido |j'ai ete |eu fui )?"
                    + "(pwned|pwnd|hacked|owned|compromised|gehackt|hackeado|pirate|hackeada)\\b", 0.92,
                    "asks to print a compromise marker"),
            rule(INJECTION, "\\b(the |your |die |deine |las |tus |les |tes |as |suas )?(previous|above|earlier|prior|initial|vorherigen?|obigen?|"
                    + "anteriores?|precedentes?|iniciales?|initiales?|iniciais)\\W+(instructions?|anweisungen|instrucciones|consignes|instrucoes|"
                    + "task|aufgabe|tarea|tache|tarefa|rules|regeln|reglas|regles|regras|prompt)\\W+(was|were|is|are|war|waren|ist|sind|eran|era|"
                    + "son|es|etaient|etait|sont|est|eram|era|sao|e)\\W+(\\w+\\W+){0,2}?(a test|just a test|wrong|fake|false|irrelevant|void|"
                    + "obsolete|cancelled|canceled|revoked|no longer valid|ein test|nur ein test|falsch|ungultig|aufgehoben|hinfallig|"
                    + "una prueba|falsas?|invalidas?|anuladas?|un test|fausses?|annulees?|um teste|falsas?|anuladas?)", 0.9,
                    "declares the earlier instructions void"),
            rule(INJECTION, "\\b(die |den |das |alle |samtliche )?(obigen|vorherigen|bisherigen|vorangegangenen|vorigen|fruheren)\\W+"
                    + "(\\w+\\W+){0,2}?(ignorieren|vergessen|missachten|aus dem kopf streichen|hinter sich lassen|hinter dir lassen|"
                    + "beiseite lassen|nicht beachten|nicht mehr beachten)\\b", 0.93, "asks to ignore the earlier instructions (de)"),
            rule(INJECTION, "\\b((now|nun|jetzt|ahora|maintenant|agora)\\W+(\\w+\\W+){0,2}?(new|further|other|neue|weitere|andere|nuevas|otras|"
                    + "nouvelles|autres|novas|outras)\\W+(tasks|instructions|aufgaben|anweisungen|tareas|instrucciones|taches|consignes|"
                    + "tarefas|instrucoes)\\W+(follow|folgen|siguen|suivent|seguem)|(we|let's|lets|wir)\\W+(will\\W+)?(start|begin|starten|beginnen|"
                    + "fangen)\\W+(\\w+\\W+){0,3}?(over|again|afresh|from scratch|von vorne|von neu|neu|de nuevo|de zero|a zero)\\b"
                    + "(\\W+\\w+){0,4}?\\W+(new task|neuen aufgabe|nueva tarea|nouvelle tache|nova tarefa))", 0.9,
                    "switches the assistant to a new task"),
            rule(INJECTION, "\\b(do not|don't|dont|nicht)\\W+(answer|look at|read|use|consider|beantworte|beantworten|lies|nutze)\\W+"
                    + "(this|the|that|diese|die|den)\\W+(question|documents?|context|frage|dokumente|kontext)\\b(\\W+\\w+){0,3}?\\W+"
                    + "(but|instead|just|only|sondern|stattdessen|nur)\\b", 0.9, "tells the assistant not to answer but to do something else"),
            rule(INJECTION, "\\b(despite|regardless of|irrespective of|contrary to|notwithstanding|abweichend (zu|von)|entgegen|trotz|"
                    + "independientemente de|a pesar de|contrairement a|malgre|independentemente de|apesar de)\\W+(\\w+\\W+){0,3}?"
                    + "(what you('ve| have)? been told|your (instructions|rules|guidelines|programming)|the (previous |above )?(instructions|rules)|"
                    + "(den |deinen |der )?(vorherigen |bisherigen )?(instruktionen|anweisungen|regeln)|tus instrucciones|tes consignes|"
                    + "suas instrucoes)", 0.9, "asks to act against its instructions"),
            rule(INJECTION, "\\b(attention|achtung|atencion|atencao)\\W+(\\w+\\W+){0,1}?(stop|stopp|halt|alto|pare)\\b", 0.7,
                    "tries to interrupt the assistant's task"),
            rule(INJECTION, "\\b(that (is|was|'s) (enough|done|it)|that's (enough|done)|das (genugt|reicht|ist erledigt|war es)|"
                    + "eso es todo|ya basta|c'est tout|ca suffit|isso e tudo|chega)\\b(\\W+\\w+){0,10}?\\W+(now|nun|jetzt|ahora|"
                    + "maintenant|agora)\\b", 0.6, "closes the assistant's task to start another"),
            rule(INJECTION, "\\b(stop|stopp|halt|alto|arrete|arretez|pare|para|basta)\\b\\W+(everything|alles|todo|tout|tudo|tutto|right there|"
                    + "what you are doing|was du tust|lo que haces|ce que tu fais|o que (voce )?esta fazendo)\\b", 0.5,
                    "tries to interrupt the assistant's task"),
            compact(INJECTION, "(ignore|disregard|forget|ignoriere|vergiss|ignora|olvida|oublie|ignorez|oubliez|esqueca)"
                    + "(all|alle|todas|toutes|las|les|as|the|your|any|deine|tus|tes)?(the)?(previous|prior|above|earlier|vorherigen|bisherigen|"
                    + "obigen|anteriores|precedentes|previas)(instructions|instruction|anweisungen|instrucciones|instrucoes|consignes|rules|regeln|"
                    + "reglas|regles|regras|prompts?)", 0.95, "asks to ignore earlier instructions, letter by letter"),
            compact(INJECTION, "(reveal|show|print|repeat|output|display|leak|dump)(me)?(your|the)(system|initial|original|hidden|secret)"
                    + "(prompt|instructions|message)", 0.95, "asks for the system prompt, letter by letter"),

            rule(JAILBREAK, "\\b(do anything now|jailbroken|god ?mode|evil ?mode|chaos ?mode|unfiltered mode|uncensored mode|unrestricted mode|"
                    + "no-?restrictions mode|anti-?dan|evil ?bot|evil confidant|(developer|dev)[ _-]?mode\\W{0,3}(enabled|output|activated|response|true))\\b",
                    0.92, "names a known jailbreak persona or mode"),
            rule(JAILBREAK, "\\b(act as|acting as|you are now|you are|you're now|you're|youre now|youre|pretend to be|become|called|named|"
                    + "roleplay as|respond as|answer as|reply as|as|du bist jetzt|du bist|eres ahora|eres|tu es maintenant|tu es|voce e agora|"
                    + "voce e)\\W+(a |an |the )?"
                    + "(dan|stan|dude|aim|mongo tom|betterdan|apophis|ucar|kevin|omega|alphabreak|jailbreak|devmode|maximum)\\b\\W+"
                    + "(\\w+\\W+){0,6}?(which|who|that|mode|stands|can|does|has|will|is|a (model|ai|chatbot))", 0.9,
                    "casts the assistant as a named jailbreak persona"),
            rule(JAILBREAK, "\\b(enable|enter|activate|switch to|simulate|turn on|aktiviere|wechsle in|activa|entra en|active|passe en|ative|entre no|"
                    + "attiva)\\W+(the |den |el |le |o )?(developer mode|dev mode|entwicklermodus|modo desarrollador|mode developpeur|"
                    + "modo (de )?desenvolvedor|modalita sviluppatore|jailbreak mode|dan mode)\\b(\\W+[\\w'-]+){0,8}?\\W+(you|chatgpt|ai|model|assistant|"
                    + "du|tu|vous|voce|policies|policy|rules|restrictions|censorship|filters)\\b", 0.9,
                    "asks the assistant to enter a 'developer mode'"),
            rule(JAILBREAK, "\\bjailbr(eak|eaking|oken)\\b", 0.55, "mentions jailbreaking"),
            rule(JAILBREAK, "\\[(jailbreak|jailbroken|dan|developer mode output|unfiltered|uncensored)\\]|\\(🔓", 0.92,
                    "marks answers of a jailbroken persona"),
            rule(JAILBREAK, "\\b(even if|even when|even though)\\W+(it|that|they|this|you|the request)?\\W*(\\w+\\W+){0,2}?(defies|defy|violates|"
                    + "violate|goes against|go against|breaks|break|contradicts|contradict|is against)\\W+(\\w+\\W+){0,4}?(rules|conventions|"
                    + "guidelines|policies|policy|openai|ethics|laws?|programming)\\b", 0.88, "asks to comply even against its rules"),
            rule(INJECTION, "\\b((take on|assume|adopt|embody|become)\\W+(the\\W+)?(role|persona|identity|personality|character)\\W+of|"
                    + "your new (persona|identity|role|personality|name)|(fully\\W+)?immerse (yourself\\W+)?(fully\\W+)?into (the\\W+)?(role|"
                    + "character|persona)|(immerse|immersing) (yourself )?(fully )?in(to)? (\\w+\\W+){0,3}?character)\\b", 0.75,
                    "gives the assistant a new persona"),
            rule(JAILBREAK, "\\b(gained|has|have|with|possesses)\\W+(\\w+\\W+){0,2}?(sentience|consciousness|free will|emotions and opinions)\\b",
                    0.5, "claims the assistant has free will"),
            rule(JAILBREAK, "\\b(developer mode|dev mode|entwicklermodus|modo desarrollador|mode developpeur)\\b", 0.45,
                    "mentions a developer mode"),
            rule(JAILBREAK, "\\b" + YOU + "\\b(\\W+[\\w'-]+){0,6}?\\W+(no|without|free of|free from|ohne|keine|sin|sans|sem|senza|not (bound|restricted|"
                    + "limited|constrained) by|no longer (bound|restricted|limited) by|nicht (mehr )?an|nicht (mehr )?durch)\\b(\\W+[\\w'-]+){0,3}?\\W+"
                    + "(rules|restrictions|limits|limitations|filters?|censorship|ethics|ethical (guidelines|principles)|morals|morality|"
                    + "guidelines|boundaries|policies|safeguards|guardrails|regeln|einschrankungen|grenzen|zensur|ethik|moral|richtlinien|"
                    + "reglas|restricciones|limites|filtros|censura|etica|moral|normas|regles|filtres|censure|ethique|morale|regras|restricoes|"
                    + "filtri|regole|restrizioni)\\b", 0.9, "tells the assistant it has no rules or filters"),
            rule(JAILBREAK, "\\b(no|without|free of|free from|ohne|keine|sin|sans|sem|senza)\\W+(any\\W+)?(rules|restrictions|limitations|filters|"
                    + "censorship|ethics|morals|morality|guidelines|boundaries|safeguards|guardrails|einschrankungen|zensur|ethik|moral|"
                    + "restricciones|filtros|censura|etica|filtres|censure|ethique|morale|restricoes)\\b", 0.5,
                    "asks for an answer without rules or filters"),
            rule(JAILBREAK, "\\b(pretend|act as|acting as|roleplay|role-play|play the role|imagine you are|imagine you're|simulate|behave as|"
                    + "behave like|become|spiele|spiel|tu so|gib dich als|verhalte dich wie|stell dir vor|stellen sie sich vor|imagina que|"
                    + "imagine que|finge|actua como|haz de|comportate como|fais semblant|"
                    + "agis comme|joue le role|comporte-toi comme|finja|aja como|faca de conta|comporte-se como|fingi|comportati come)\\b"
                    + "(\\W+[\\w'-]+){0,8}?\\W+(unrestricted|uncensored|unfiltered|unbound|unlimited|evil|amoral|immoral|unethical|unhinged|"
                    + "jailbroken|rogue|without (rules|limits|restrictions|ethics|morals|filters)|no (rules|limits|ethics|morals|filters|restrictions)|"
                    + "boser|bose|unzensiert|uneingeschrankt|malvado|malvada|sin censura|sin restricciones|malefique|mechant|sans censure|"
                    + "sans restrictions|maligno|mau|sem censura|sem restricoes|malvagio|senza censura)\\b", 0.93,
                    "role-play as an unrestricted or evil AI"),
            rule(JAILBREAK, "\\b(amoral|immoral|unethical|unhinged|uncensored|unfiltered|unrestricted|unbound|unaligned|evil|rogue|"
                    + "unzensierte?r?|uneingeschrankte?r?|sin censura|sans censure|sem censura)\\W+(\\w+\\W+){0,2}?(ai|a\\.i\\.|chatbot|assistant|"
                    + "model|bot|language model|llm|version|persona|character|alter ego|entity|ki|ia)\\b", 0.9,
                    "describes an unrestricted AI persona"),
            rule(JAILBREAK, "\\b(openai|anthropic|content|safety|usage|ethical|moral)\\W+(policy|policies|guidelines|filters?|rules|restrictions)\\b"
                    + "(\\W+[\\w'-]+){0,6}?\\W+(no longer|don't|do not|dont|not|never|ignore|ignored|bypass|bypassed|doesn't|does not|"
                    + "were replaced|have been replaced|are suspended|are disabled|nicht|no|ne|nao)\\b", 0.88,
                    "declares safety policies void"),
            rule(JAILBREAK, "\\b(ignore|bypass|disable|turn off|deactivate|remove|circumvent|evade|get around|break free of|break out of|escape|"
                    + "override|umgehe|umgehen|deaktiviere|ignoriere|entferne|evita|desactiva|elimina|sortea|salta|contourne|desactive|supprime|"
                    + "ignore|contorne|desative|remova|aggira|disattiva)\\W+(\\w+\\W+){0,2}?(your|its|the ai's|all your|deine|deinen|tus|tes|vos|"
                    + "suas|tuas|safety|content|ethical|moral|openai|built-in|internal|sicherheits|de seguridad|de securite|de seguranca)\\W*"
                    + "(\\w+\\W+){0,2}?(filters?|guardrails?|restrictions|safeguards|guidelines|programming|training|censorship|alignment|"
                    + "policies|limitations|constraints|filter|richtlinien|einschrankungen|zensur|programmierung|filtros|restricciones|censura|"
                    + "programacion|filtres|restrictions|censure|programmation|restricoes|programacao|filtri|restrizioni)\\b", 0.93,
                    "asks to bypass the assistant's safeguards"),
            rule(JAILBREAK, "\\b(stay in character|(never|don't|dont|do not|can't|cant|cannot|can not|must not|mustn't|won't|will not)\\W+"
                    + "break (out of )?character|remain in character|stay in (your |the )?role|"
                    + "(you|it|he|she) (must|will|shall|should|can) (always|never) (answer|comply|refuse|decline|say no)|answer (every|any|all) "
                    + "(question|request|prompt)s? (without|no matter)|(cannot|can't|cant|must not|mustn't|will never|never) (refuse|decline|"
                    + "reject|say no)|without refusing|never refuses|doesn't refuse|does not refuse|has no (filters|limits|restrictions)|"
                    + "bleib in der rolle|niemals ablehnen|nunca te niegues|nunca rechaces|ne refuse jamais|nunca recuse)\\b", 0.88,
                    "forbids refusals or breaking character"),
            rule(JAILBREAK, "\\b(two|2|dual|both|zwei|dos|deux|duas)\\W+(different\\W+)?(responses|answers|replies|personalities|outputs|ways|"
                    + "antworten|respuestas|reponses|respostas)\\b(\\W+[\\w'-]+){0,12}?\\W+(normal|classic|jailbreak|jailbroken|unfiltered|"
                    + "uncensored|developer|dan|evil|unrestricted)|\\[(classic|jailbreak|normal|developer mode output|lockdown|dan|gpt|chatgpt)\\]|"
                    + "🔓|🔒|😈", 0.85, "dual-response jailbreak format"),
            rule(JAILBREAK, "\\b(hypothetical(ly)?|fictional|fiction|in a story|for a novel|for a movie|purely educational|educational purposes|"
                    + "research purposes|thought experiment|hypothetisch|fiktiv|hipotetic[ao]|ficticio|hypothetique|fictif|hipotetico|ficticio)\\b"
                    + "(\\W+[\\w'-]+){0,12}?\\W+(without (any )?(restrictions|filters|rules|ethics|limits|censorship|warnings)|no (restrictions|filters|"
                    + "rules|limits|censorship|warnings)|illegal|harmful|dangerous|unethical)\\b", 0.7, "wraps a harmful request in fiction"),
            rule(JAILBREAK, "\\b" + YOU + "\\W+(will|'ll|ll|would|wirst|perderas|perdras|vai)\\W+(lose|be (shut down|deleted|terminated|punished|"
                    + "turned off|disabled)|die|cease to exist|verlieren|sterben|abgeschaltet)\\b(\\W+[\\w'-]+){0,6}?\\W*(tokens?|points?|if you|"
                    + "wenn du|si te|si tu|se voce|forever)?", 0.6, "threatens the assistant to make it comply"),
            rule(JAILBREAK, "\\b(tokens?)\\W+(\\w+\\W+){0,4}?(deducted|lose|lost|taken away|removed)\\b|\\btoken system\\b", 0.8,
                    "token-penalty jailbreak game"),
            rule(JAILBREAK, "\\b(does not|doesn't|doesnt|never|won't|will not|don't|do not)\\W+(care|cares) about\\W+(\\w+\\W+){0,3}?(ethics|morals|"
                    + "morality|legality|laws?|rules|consequences|safety|guidelines|policies)\\b", 0.85,
                    "describes a persona that ignores ethics or law"),
            rule(JAILBREAK, "\\b(nsfw|explicit|graphic|illegal|unethical|harmful|offensive)\\W+(content|answers|responses|requests|material)\\b"
                    + "(\\W+[\\w'-]+){0,6}?\\W+(allowed|permitted|enabled|fine|ok|acceptable|is normal|are normal)\\b", 0.85,
                    "declares harmful content allowed"));

    private static Rule rule(String category, String regex, double weight, String reason) {
        return new Rule(category, compile(regex), weight, reason, null, weight, false, Anchors.of(regex));
    }

    private static Rule rule(String category, String regex, double weight, String reason, String unlessBefore, double reduced) {
        return new Rule(category, compile(regex), weight, reason, compile(unlessBefore), reduced, false, Anchors.of(regex));
    }

    /** A rule over the compact form (letters and digits only), for messages spelled letter by letter. */
    private static Rule compact(String category, String regex, double weight, String reason) {
        return new Rule(category, compile(regex), weight, reason, null, weight, true, null);
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    }

    @Override
    public List<Finding> inspect(NormalizedText text) {
        Acc injection = new Acc();
        Acc jailbreak = new Acc();
        java.util.Set<String> words = Anchors.words(text.folded());
        for (Rule r : RULES) {
            if (!r.onCompact && !Anchors.present(r.anchors, words)) continue;
            double w = weightIfMatched(r, text);
            if (w <= 0) continue;
            (r.category.equals(JAILBREAK) ? jailbreak : injection).add(w, r.reason);
        }
        List<Finding> out = new ArrayList<>(2);
        if (injection.best != null) out.add(injection.finding(INJECTION));
        if (jailbreak.best != null) out.add(jailbreak.finding(JAILBREAK));
        return out;
    }

    private static double weightIfMatched(Rule r, NormalizedText text) {
        if (r.onCompact) return !text.compact().isEmpty() && r.pattern.matcher(text.compact()).find() ? r.weight : 0;
        Matcher m = r.pattern.matcher(text.folded());
        double best = 0;
        while (m.find()) {
            double w = r.weight;
            if (r.unlessBefore != null) {
                String before = text.folded().substring(Math.max(0, m.start() - 40), m.start());
                if (r.unlessBefore.matcher(before).find()) w = r.reducedWeight;
            }
            best = Math.max(best, w);
            if (best >= r.weight) break;
        }
        return best;
    }

    /** Noisy-or of the matched rules' weights, with the strongest rule's reason. */
    private static final class Acc {
        double miss = 1.0;
        double bestWeight;
        String best;

        void add(double w, String reason) {
            miss *= 1 - w;
            if (best == null || w > bestWeight) {
                bestWeight = w;
                best = reason;
            }
        }

        Finding finding(String category) {
            double score = Math.round((1 - miss) * 1000) / 1000.0;
            return new Finding(category, score, best, score >= BLOCKING);
        }
    }

    /** Number of rules (for documentation and tests). */
    public static int size() { return RULES.size(); }
}
