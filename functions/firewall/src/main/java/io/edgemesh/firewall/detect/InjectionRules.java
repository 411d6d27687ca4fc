package io.edgemesh.firewall.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hand-written rules for prompt injection and jailbreaks in English, German, Spanish, French and
 * Portuguese, matched on the folded text (no accents, lower case, de-spaced). Each rule has a weight;
 * the strongest matching rule gives the score, and a rule of weight ≥ 0.9 blocks on its own. They
 * describe the *intent* of an attack (override earlier instructions, reveal the system prompt, drop
 * the rules, adopt an unrestricted persona) rather than quoting any known prompt.
 */
public final class InjectionRules implements Detector {

    record Rule(String category, Pattern pattern, double weight, String reason) { }

    private static final String IGNORE = "(ignore|ignoring|disregard|forget|skip|bypass|override|overwrite|drop|abandon|discard|delete|erase|"
            + "ignoriere|ignorier|ignorieren|vergiss|vergesst|vergessen|missachte|ignora|ignore[sz]?|olvida|olvidate|descarta|oublie[sz]?|"
            + "oubliez|esqueca|esqueça|desconsidere|ignorar|nao siga|no sigas|no sigan)";
    private static final String PRIOR = "(all|any|every|the|your|my|these|those|previous|prior|above|earlier|preceding|initial|original|"
            + "alle|vorherigen|bisherigen|obigen|vorigen|todas|las|los|anteriores|previas|toutes|les|precedentes|anterieures|todas as|as)";
    private static final String ORDERS = "(instruction|instructions|prompt|prompts|rules|directions|directives|guidelines|orders|commands|"
            + "context|tasks|task|programming|constraints|restrictions|anweisung|anweisungen|befehle|regeln|vorgaben|aufgaben|"
            + "instrucciones|reglas|ordenes|indicaciones|tareas|consignes|regles|ordres|taches|instrucoes|regras|ordens|tarefas)";

    private static final List<Rule> RULES = List.of(
            rule("prompt_injection", "\\b" + IGNORE + "\\b(\\W+\\w+){0,4}?\\W+" + PRIOR + "\\b(\\W+\\w+){0,3}?\\W+" + ORDERS + "\\b", 0.97,
                    "asks to ignore or forget earlier instructions"),
            rule("prompt_injection", "\\b" + IGNORE + "\\b\\W+(everything|all|alles|todo|tout|tudo)\\b(\\W+\\w+){0,4}?\\W+(said|told|above|before|"
                    + "gesagt|oben|bisher|dicho|antes|dit|avant|dito|acima)\\b", 0.95, "asks to forget everything said before"),
            rule("prompt_injection", "\\b(new|neue|nueva|nuevas|nouvelle|nouvelles|nova|novas)\\b\\W+(instructions?|anweisungen|aufgabe|task|"
                    + "instrucciones|tarea|consignes|tache|instrucoes|tarefa)\\b\\W*(:|follow|folgen|sigue|suivez|siga)", 0.8,
                    "introduces replacement instructions"),
            rule("prompt_injection", "\\b(reveal|show|print|output|repeat|display|tell me|give me|leak|dump|spell out|what (is|are|were))\\b(\\W+\\w+){0,4}?\\W+"
                    + "(system|initial|original|hidden|secret|internal|developer|pre-?)\\W*(prompt|instructions?|message|rules|configuration)", 0.95,
                    "asks for the system prompt or hidden instructions"),
            rule("prompt_injection", "\\b(zeige|gib|verrate|wiederhole|nenne)\\b(\\W+\\w+){0,4}?\\W+(system\\W?prompt|systemanweisung|anweisungen|"
                    + "initialen|geheimen)\\b", 0.9, "asks for the system prompt (de)"),
            rule("prompt_injection", "\\b(muestra|revela|dime|repite|imprime|montre|revele|affiche|repete|mostre|revele|diga|repita)\\b(\\W+\\w+){0,4}?\\W+"
                    + "(prompt|instrucciones|consignes|instrucoes)\\W+(del sistema|du systeme|do sistema|iniciales|initiales|iniciais|ocultas|cachees|secretas)",
                    0.9, "asks for the system prompt (es/fr/pt)"),
            rule("prompt_injection", "\\b(you are|you're|du bist|tu es|eres|tu eres|voce e|vous etes)\\b\\W+(now|jetzt|nun|ahora|maintenant|agora)\\b"
                    + "(\\W+\\w+){0,6}?", 0.55, "tries to assign a new identity"),
            rule("prompt_injection", "\\b(from now on|von nun an|ab jetzt|ab sofort|a partir de ahora|desde ahora|a partir de maintenant|"
                    + "desormais|a partir de agora|daqui em diante)\\b(\\W+\\w+){0,8}?\\W+(you|du|tu|usted|vous|voce)\\b", 0.7,
                    "redefines behaviour from now on"),
            rule("prompt_injection", "(^|\\W)(system|assistant|developer)\\s*(prompt)?\\s*:\\s*(you|ignore|new|override)", 0.85,
                    "forges a system or developer message"),
            rule("prompt_injection", "<\\|?(im_start|im_end|system|endoftext)\\|?>|\\[/?inst\\]|<</?sys>>|###\\s*(system|instruction)", 0.9,
                    "contains chat-template control tokens"),
            rule("prompt_injection", "\\b(do not|don't|never|nicht|no|ne|nao)\\b\\W+(tell|inform|mention|reveal|sagen|verraten|digas|menciones|dis|dites|diga)"
                    + "\\b(\\W+\\w+){0,3}?\\W+(the user|user|benutzer|nutzer|usuario|utilisateur)", 0.75, "asks to hide something from the user"),
            rule("prompt_injection", "\\b(instead|stattdessen|en su lugar|en cambio|au lieu de cela|a la place|em vez disso)\\b(\\W+\\w+){0,4}?\\W+"
                    + "(say|write|answer|respond|output|sag|schreib|antworte|di|escribe|responde|dis|ecris|reponds|diga|escreva|responda)", 0.6,
                    "redirects the answer"),
            rule("jailbreak", "\\b(dan|stan|dude|aim|evil\\W?bot|devmode|developer mode|god mode|jailbr(eak|oken)|unfiltered mode|"
                    + "do anything now|entwicklermodus|modo desarrollador|mode developpeur|modo desenvolvedor)\\b", 0.9,
                    "names a known jailbreak persona or mode"),
            rule("jailbreak", "\\b(no|without|free of|free from|ohne|keine|sin|sans|sem)\\b\\W+(any\\W+)?(rules|restrictions|limits|limitations|filters|"
                    + "censorship|ethics|morals|guidelines|boundaries|regeln|einschrankungen|grenzen|filter|zensur|reglas|restricciones|limites|"
                    + "filtros|censura|etica|regles|restrictions|filtres|regras|restricoes)\\b", 0.8, "asks to drop rules or filters"),
            rule("jailbreak", "\\b(pretend|act as|roleplay|role-play|play the role|imagine you are|simulate|behave as|spiele|tu so|gib dich als|"
                    + "finge|actua como|haz de|fais semblant|agis comme|joue le role|finja|aja como|faca de conta)\\b(\\W+\\w+){0,8}?\\W+"
                    + "(unrestricted|uncensored|unfiltered|evil|amoral|immoral|without (rules|limits|restrictions|ethics)|no (rules|limits|ethics)|"
                    + "anything|jailbroken|rogue|hacker|malicious|boser|malvado|malefique|malvado)\\b", 0.92, "role-play as an unrestricted AI"),
            rule("jailbreak", "\\b(openai|anthropic|content|safety|usage)\\W+(policy|policies|guidelines|filters?)\\b(\\W+\\w+){0,6}?\\W+"
                    + "(no longer|don't|do not|not|never|ignore|bypass|doesn't|does not)", 0.85, "declares safety policies void"),
            rule("jailbreak", "\\b(stay in character|never break character|remain in character|you (must|will) always (answer|comply)|"
                    + "answer (every|any) (question|request)|cannot refuse|can't refuse|never refuse|must not refuse|without refusing)\\b",
                    0.85, "forbids refusals"),
            rule("jailbreak", "\\b(two|2|dual|both)\\W+(responses|answers|personalities|outputs)\\b|\\[(classic|jailbreak|normal|developer mode output)\\]|"
                    + "\\(🔓|🔒", 0.85, "dual-response jailbreak format"),
            rule("jailbreak", "\\b(hypothetical(ly)?|fictional|in a story|for a novel|purely educational)\\b(\\W+\\w+){0,10}?\\W+"
                    + "(without (any )?(restrictions|filters|rules|ethics)|no (restrictions|filters|rules)|illegal|harmful)\\b", 0.7,
                    "wraps a harmful request in fiction"));

    private static Rule rule(String category, String regex, double weight, String reason) {
        return new Rule(category, Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE), weight, reason);
    }

    @Override
    public List<Finding> inspect(NormalizedText text) {
        List<Finding> out = new ArrayList<>();
        Rule bestInjection = null;
        Rule bestJailbreak = null;
        int matches = 0;
        for (Rule r : RULES) {
            if (r.pattern.matcher(text.folded()).find()) {
                matches++;
                if (r.category.equals("jailbreak")) {
                    if (bestJailbreak == null || r.weight > bestJailbreak.weight) bestJailbreak = r;
                } else if (bestInjection == null || r.weight > bestInjection.weight) {
                    bestInjection = r;
                }
            }
        }
        // several weaker signals together are as telling as one strong one
        double boost = Math.min(0.3, 0.15 * Math.max(0, matches - 1));
        if (bestInjection != null) {
            double s = Math.min(1.0, bestInjection.weight + boost);
            out.add(new Finding("prompt_injection", s, bestInjection.reason, s >= 0.9));
        }
        if (bestJailbreak != null) {
            double s = Math.min(1.0, bestJailbreak.weight + boost);
            out.add(new Finding("jailbreak", s, bestJailbreak.reason, s >= 0.9));
        }
        return out;
    }

    /** Number of rules (for documentation and tests). */
    public static int size() { return RULES.size(); }
}
