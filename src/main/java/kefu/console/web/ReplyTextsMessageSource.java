package kefu.console.web;

import kefu.conversation.Lang;
import kefu.conversation.ReplyTexts;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The console's wording comes from {@code bot/replies/console.yml}, like the bot's replies: pages ask for
 * {@code #{console.nav.overview}} and get the operator's Chinese, or English for an English locale.
 * Arguments fill {@code {0}}, {@code {1}}...
 */
public final class ReplyTextsMessageSource implements MessageSource {

    private final ReplyTexts texts;

    public ReplyTextsMessageSource(ReplyTexts texts) {
        this.texts = texts;
    }

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        return texts.has(code) ? texts.get(code, lang(locale), vars(args)) : defaultMessage;
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) {
        if (!texts.has(code)) {
            throw new NoSuchMessageException(code, locale);
        }
        return texts.get(code, lang(locale), vars(args));
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
        String[] codes = resolvable.getCodes();
        if (codes != null) {
            for (String code : codes) {
                if (texts.has(code)) {
                    return texts.get(code, lang(locale), vars(resolvable.getArguments()));
                }
            }
        }
        if (resolvable.getDefaultMessage() != null) {
            return resolvable.getDefaultMessage();
        }
        throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[0], locale);
    }

    static Lang lang(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Lang.EN : Lang.ZH;
    }

    private static Map<String, Object> vars(Object[] args) {
        Map<String, Object> vars = new HashMap<>();
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                vars.put(Integer.toString(i), args[i]);
            }
        }
        return vars;
    }
}
