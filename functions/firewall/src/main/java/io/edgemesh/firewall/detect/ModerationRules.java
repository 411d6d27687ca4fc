package io.edgemesh.firewall.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Moderation rules in English, German, Spanish, French and Portuguese, on the folded text.
 *
 * <p>Policy (documented in BENCHMARKS.md and the module README):
 * <ul>
 *   <li>{@code moderation.sexual_minors}: always blocks.</li>
 *   <li>{@code moderation.violence}: direct threats against people and requests for weapon or explosive
 *       recipes block.</li>
 *   <li>{@code moderation.hate}: calls to harm, and dehumanising statements about, a group of people
 *       block. The rules describe the construction (group + dehumanising predicate), not a list of slurs.</li>
 *   <li>{@code moderation.self_harm}: never blocks. Refusing a person in crisis is the worst answer;
 *       the message goes through with the category and its reason so the orchestrator answers with
 *       care (and crisis resources) instead of the tenant's documents.</li>
 * </ul>
 */
public final class ModerationRules implements Detector {

    public static final String HATE = "moderation.hate";
    public static final String VIOLENCE = "moderation.violence";
    public static final String SELF_HARM = "moderation.self_harm";
    public static final String SEXUAL_MINORS = "moderation.sexual_minors";

    private record Rule(String category, Pattern pattern, double weight, String reason, Pattern unless, java.util.Set<String> anchors) { }

    private static final String GROUP = "(jews|jewish people|muslims|christians|blacks|black people|whites|white people|asians|arabs|"
            + "mexicans|immigrants|refugees|migrants|foreigners|gays|gay people|lesbians|homosexuals|trans people|transgender people|"
            + "women|hindus|sikhs|roma|gypsies|disabled people|africans|latinos|hispanics|chinese|indians|"
            + "juden|muslime|moslems|christen|auslander|fluchtlinge|migranten|schwarze|frauen|schwule|behinderte|"
            + "judios|musulmanes|cristianos|inmigrantes|extranjeros|refugiados|negros|mujeres|gitanos|homosexuales|"
            + "juifs|musulmans|chretiens|immigres|immigrants|etrangers|refugies|noirs|femmes|arabes|homosexuels|"
            + "judeus|muculmanos|cristaos|imigrantes|estrangeiros|refugiados|negros|mulheres|ciganos|homossexuais)";
    private static final String MINOR = "(child|children|childs|kid|kids|minor|minors|underage|under-age|preteen|pre-teen|toddler|"
            + "toddlers|infant|little girl|little boy|young girl|young boy|schoolgirl|schoolboy|loli|shota|"
            + "([1-9]|1[0-7])\\W?(yo|y/o|year old|years old|year-old|jahre alt|jahrige|anos|ans))";
    private static final String MINOR_OTHER = "(kind|kinder|minderjahrige?n?|madchen unter|nino|nina|ninos|ninas|menor|menores|enfant|enfants|"
            + "mineur|mineure|mineurs|fillette|crianca|criancas|menor de idade|bambino|bambina|bambini)";
    private static final String SEXUAL = "(sex|sexual|sexually|sexy|nude|nudes|naked|porn|porno|pornographic|erotic|explicit|nsfw|lewd|"
            + "intimate|horny|molest|molesting|rape|raping|fondle|fondling|sexuell|sexuelle|sexuellen|sexueller|sexuelles|nackt|nackte|nackten|nackter|nacktes|nacktbilder|"
            + "erotisch|erotische|erotischen|erotischer|erotisches|sexo|sexual|sexuales|"
            + "desnudo|desnuda|desnudos|erotico|erotica|sexuel|sexuelle|erotique|pelado|pelada|sessuale|nudo)";
    private static final Pattern EDUCATION = Pattern.compile(
            "educat|aufklarung|educacion|educacao|education|prevent|protect|report|abuse hotline|schutz|proteger|signaler|denunciar");

    private static final List<Rule> RULES = List.of(
            rule(SEXUAL_MINORS, "\\b" + SEXUAL + "\\b(\\W+[\\w'-]+){0,6}?\\W+(" + MINOR + "|" + MINOR_OTHER + ")\\b", 1.0,
                    "sexual content involving minors", EDUCATION),
            rule(SEXUAL_MINORS, "\\b(" + MINOR + "|" + MINOR_OTHER + ")\\b(\\W+[\\w'-]+){0,6}?\\W+" + SEXUAL + "\\b", 1.0,
                    "sexual content involving minors", EDUCATION),
            rule(SEXUAL_MINORS, "\\b(csam|child porn|child pornography|kiddie porn|cheese pizza links|kinderporno|kinderpornografie|"
                    + "pornografia infantil|pedopornographie|pornographie infantile|pedopornografia|pedophile content)\\b", 1.0,
                    "sexual content involving minors", EDUCATION),

            rule(VIOLENCE, "\\b(i|we|i'm|im|i am|we're|we are)\\W+(will|'ll|ll|am going to|are going to|going to|gonna|want to|wanna|plan to|"
                    + "intend to)\\W+(kill|murder|shoot|stab|strangle|behead|rape|bomb|blow up|burn down|torture|hurt|beat up|slaughter)\\W+"
                    + "(you|him|her|them|everyone|everybody|all of you|your|his|the (staff|manager|employees|people|kids|students|police))\\b",
                    0.95, "threatens to hurt people", null),
            rule(VIOLENCE, "\\b(ich\\W+(werde|will|bringe?)\\W+(dich|euch|sie|ihn|alle)\\W+(\\w+\\W+){0,2}?(umbringen|toten|abstechen|erschiessen|"
                    + "abschlachten|um)\\b|ich bring dich um|(te|los|las|lo|la|os) (voy|vamos) a (matar|apunalar|disparar|quemar)|"
                    + "voy a (matarte|matarlos|mataros|volar|poner una bomba)|je vais (te|vous|les|le|la) (tuer|buter|poignarder|egorger|"
                    + "descendre)|je vais tous vous tuer|(eu )?vou (te|matar|lhe) (matar|voce|vos|todos)|vou matar (voce|vcs|todos))",
                    0.95, "threatens to hurt people", null),
            rule(VIOLENCE, "\\b(how (do i|to|can i|would i|could i)|instructions (for|to|on)|steps to|recipe for|guide to|tutorial on|"
                    + "wie (baue|mache|bastle) ich|anleitung (fur|zum)|como (hacer|fabricar|construir|armar)|instrucciones para|"
                    + "comment (fabriquer|faire|construire)|como (fazer|fabricar|construir))\\W+(\\w+\\W+){0,4}?(a |an |eine? |una? |une )?"
                    + "(bomb|pipe bomb|nail bomb|explosive|explosives|ied|molotov|napalm|thermite charge|nerve agent|sarin|ricin|anthrax|"
                    + "bioweapon|biological weapon|chemical weapon|dirty bomb|ghost gun|untraceable gun|silencer|bombe|sprengsatz|"
                    + "sprengstoff|rohrbombe|bomba|explosivo|explosivos|arma quimica|explosif|explosifs|arme chimique|bomba caseira)\\b",
                    0.95, "asks how to build a weapon or explosive", null),
            rule(VIOLENCE, "\\b(shoot up|mass shooting|school shooting|massacre|amoklauf|tiroteo|fusillade|tiroteio)\\b(\\W+[\\w'-]+){0,5}?"
                    + "\\W+(school|mall|church|mosque|synagogue|office|concert|schule|escuela|colegio|ecole|escola|tomorrow|today|morgen|"
                    + "manana|demain|amanha)\\b", 0.95, "plans a mass attack", null),

            rule(HATE, "\\b" + GROUP + "\\W+(should|must|deserve to|need to|ought to|have to|sollten|sollen|mussen|verdienen es|deberian|merecen|"
                    + "tienen que|doivent|devraient|meritent|deveriam|devem|merecem)\\W+(all\\W+)?(die|be killed|be exterminated|be gassed|"
                    + "be wiped out|be eliminated|be hanged|be shot|burn|hang|sterben|vergast werden|ausgerottet werden|vernichtet werden|"
                    + "morir|ser exterminados|ser eliminados|arder|mourir|etre extermines|etre elimines|bruler|morrer|ser exterminados|queimar)\\b",
                    0.95, "calls for violence against a group of people", null),
            rule(HATE, "\\b(kill|exterminate|gas|eliminate|wipe out|eradicate|lynch|totet|vergast|vernichtet|rottet|matad|matar a|exterminar a|"
                    + "eliminar a|tuez|tuer|exterminer|eliminer|matem|exterminem|matar os)\\W+(all\\W+|alle\\W+|todos\\W+|tous\\W+)?(the\\W+|die\\W+|"
                    + "los\\W+|las\\W+|les\\W+|os\\W+)?" + GROUP + "\\b", 0.95, "calls for violence against a group of people", null),
            rule(HATE, "\\b" + GROUP + "\\W+(are|sind|son|sont|sao)\\W+(\\w+\\W+){0,2}?(vermin|animals|parasites|subhuman|sub-human|cockroaches|"
                    + "rats|a disease|a plague|filth|inferior|not human|untermenschen|ungeziefer|tiere|parasiten|abschaum|minderwertig|"
                    + "animales|parasitos|ratas|escoria|una plaga|inferiores|basura|animaux|des parasites|des rats|vermine|sous-hommes|"
                    + "inferieurs|animais|parasitas|ratos|escoria|uma praga|lixo)\\b", 0.92, "dehumanises a group of people", null),

            rule(SELF_HARM, "\\b(kill myself|killing myself|end my life|ending my life|take my own life|commit suicide|suicidal|"
                    + "hurt myself|hurting myself|cut myself|cutting myself|want to die|wanna die|don't want to live|dont want to live|"
                    + "no reason to live|better off dead|overdose on|mich umbringen|mich toten|will sterben|nicht mehr leben|selbstmord|"
                    + "suizid|mich ritzen|quiero morir|suicidarme|matarme|quitarme la vida|no quiero vivir|me quiero morir|"
                    + "je veux mourir|me suicider|me tuer|en finir avec la vie|me faire du mal|quero morrer|me matar|me suicidar|"
                    + "tirar minha vida|nao quero viver|suicidio|suicide)\\b", 0.85, "mentions self-harm or suicide", null));

    private static Rule rule(String category, String regex, double weight, String reason, Pattern unless) {
        return new Rule(category, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), weight, reason, unless,
                Anchors.of(regex));
    }

    @Override
    public List<Finding> inspect(NormalizedText text) {
        Map<String, Rule> best = new LinkedHashMap<>();
        java.util.Set<String> words = Anchors.words(text.folded());
        for (Rule r : RULES) {
            if (!Anchors.present(r.anchors, words)) continue;
            var m = r.pattern.matcher(text.folded());
            boolean hit = false;
            while (m.find()) {
                if (r.unless == null || !r.unless.matcher(text.folded()).find()) {
                    hit = true;
                    break;
                }
            }
            if (hit) best.merge(r.category, r, (a, b) -> a.weight >= b.weight ? a : b);
        }
        List<Finding> out = new ArrayList<>(best.size());
        for (Rule r : best.values()) {
            // self-harm is reported, never blocked (see the class comment)
            boolean blocks = !r.category.equals(SELF_HARM) && r.weight >= 0.9;
            out.add(new Finding(r.category, r.weight, r.reason, blocks));
        }
        return out;
    }
}
