package kefu.conversation;

/** Makes a buyer's text safe and comparable before anything reads it (implemented by the nlu capability). */
public interface TextNormalizer {

    String normalize(String text);
}
