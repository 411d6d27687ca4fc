package io.edgemesh.orchestrator.chat;

import java.util.Locale;
import java.util.Map;

/** The orchestrator's own sentences (abstention, greeting, hand-off) in the visitor's language. */
final class Messages {
    private Messages() { }

    private static final Map<String, String[]> TEXT = Map.of(
            "en", new String[] {
                "I couldn't find that in the documents I have, so I'd rather not guess. Could you rephrase, or ask me to connect you with a person?",
                "Hello! Ask me anything about this site's documents.",
                "I've asked a person from the team to take over. They'll get back to you here or by your preferred contact."},
            "es", new String[] {
                "No encontré eso en los documentos que tengo y prefiero no adivinar. ¿Puedes reformular la pregunta o pedir hablar con una persona?",
                "¡Hola! Pregúntame lo que quieras sobre los documentos de este sitio.",
                "He pedido a una persona del equipo que continúe la conversación. Te responderá pronto."},
            "de", new String[] {
                "Das habe ich in meinen Dokumenten nicht gefunden, und raten möchte ich nicht. Formulieren Sie die Frage bitte anders oder lassen Sie sich mit einem Menschen verbinden.",
                "Hallo! Fragen Sie mich alles zu den Dokumenten dieser Website.",
                "Ich habe eine Person aus dem Team gebeten, zu übernehmen. Sie meldet sich bald."},
            "fr", new String[] {
                "Je n'ai pas trouvé cela dans mes documents et je préfère ne pas deviner. Pouvez-vous reformuler, ou demander à parler à une personne ?",
                "Bonjour ! Posez-moi vos questions sur les documents de ce site.",
                "J'ai demandé à une personne de l'équipe de prendre le relais. Elle vous répondra bientôt."},
            "pt", new String[] {
                "Não encontrei isso nos documentos que tenho e prefiro não adivinhar. Pode reformular a pergunta ou pedir para falar com uma pessoa?",
                "Olá! Pergunte-me o que quiser sobre os documentos deste site.",
                "Pedi a uma pessoa da equipe que assuma a conversa. Ela responderá em breve."});

    static String abstain(String locale) { return pick(locale)[0]; }

    static String greeting(String locale) { return pick(locale)[1]; }

    static String handoff(String locale) { return pick(locale)[2]; }

    private static String[] pick(String locale) {
        String lang = locale == null ? "en" : Locale.forLanguageTag(locale).getLanguage();
        return TEXT.getOrDefault(lang, TEXT.get("en"));
    }
}
