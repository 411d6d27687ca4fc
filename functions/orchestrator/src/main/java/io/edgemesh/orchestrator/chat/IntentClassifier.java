package io.edgemesh.orchestrator.chat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A small rule-based intent classifier: hand-off requests and greetings are recognised in English,
 * Spanish, German, French and Portuguese; everything else is a question for the knowledge base
 * ({@code faq}, or {@code complex} when it is long). Rules, because the few intents that change the
 * route must be exact and explainable; the question itself is understood by retrieval.
 */
public final class IntentClassifier {
    public static final String HANDOFF = "handoff";
    public static final String GREETING = "greeting";
    public static final String FAQ = "faq";
    public static final String COMPLEX = "complex";

    private static final List<Pattern> HANDOFF_PATTERNS = List.of(
            Pattern.compile("\\b(talk|speak|chat|connect)\\b.{0,30}\\b(human|person|agent|someone|representative|staff)\\b"),
            Pattern.compile("\\b(human|real person|live agent)\\b.{0,20}\\b(please|now)\\b"),
            Pattern.compile("\\b(hablar|comunicar)\\b.{0,30}\\b(humano|persona|agente|alguien)\\b"),
            Pattern.compile("\\b(mit|einem)\\b.{0,30}\\b(mensch|menschen|mitarbeiter|berater|person)\\b.{0,20}\\b(sprechen|reden)\\b"),
            Pattern.compile("\\b(parler|discuter)\\b.{0,30}\\b(humain|personne|conseiller|agent)\\b"),
            Pattern.compile("\\b(falar)\\b.{0,30}\\b(humano|pessoa|atendente|agente)\\b"));
    private static final Pattern GREETING_PATTERN = Pattern.compile(
            "^(hi|hello|hey|good (morning|afternoon|evening)|hola|buenas|buenos dias|hallo|guten (tag|morgen|abend)|servus|"
                    + "bonjour|bonsoir|salut|ola|bom dia|boa tarde|boa noite)\\b[ !.,]*(there|everyone|team)?[ !.,]*$");

    public String classify(String message) {
        String m = fold(message);
        for (Pattern p : HANDOFF_PATTERNS) {
            if (p.matcher(m).find()) return HANDOFF;
        }
        if (m.length() <= 40 && GREETING_PATTERN.matcher(m.strip()).find()) return GREETING;
        return m.split("\\s+").length > 40 ? COMPLEX : FAQ;
    }

    private static String fold(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "");
    }
}
