package kefu.bench;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

import java.util.List;
import java.util.Optional;

/**
 * Baseline 2: plain langchain4j retrieval: the articles split by the recursive splitter (300 chars, 30 overlap,
 * as in the langchain4j RAG tutorial), bge-small-zh-v1.5 (quantised) embeddings in an in-memory store, and an
 * {@link EmbeddingStoreContentRetriever} with its default settings (3 results, no minimum score).
 */
final class EmbeddingBaseline {

    private static final String ID = "article_id";

    private final ContentRetriever retriever;

    EmbeddingBaseline(KnowledgeArticles kb) {
        EmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        List<Document> documents = kb.articles().stream()
                .map(a -> Document.from(a.text(), Metadata.from(ID, a.id())))
                .toList();
        EmbeddingStoreIngestor.builder()
                .documentSplitter(DocumentSplitters.recursive(300, 30))
                .embeddingModel(model)
                .embeddingStore(store)
                .build()
                .ingest(documents);
        retriever = EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(model).build();
    }

    Optional<String> top(String question) {
        List<Content> found = retriever.retrieve(Query.from(question));
        return found.isEmpty() ? Optional.empty()
                : Optional.ofNullable(found.get(0).textSegment().metadata().getString(ID));
    }
}
