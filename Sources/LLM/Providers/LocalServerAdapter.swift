import Synchronization

/// `kind = "local"`: OpenAI Chat Completions to a server on the user's machine (llama.cpp,
/// Ollama, vLLM). The one difference on the wire: a provider configured without models calls
/// its model `auto`, and the adapter asks the server which model it serves (`GET {base}/models`,
/// the OpenAI list shape that all three answer) once, then sends that name — Ollama and vLLM
/// reject a model they do not serve, and usage rows should name the real model.
public struct LocalServerAdapter: ProviderAdapter {
    /// The model name that means "whatever the server serves".
    public static let discoveredModel = "auto"

    public let endpoint: ProviderEndpoint
    private let inner: OpenAIAdapter
    private let http: ProviderHTTP
    private let discovered = DiscoveredName()

    public init(endpoint: ProviderEndpoint, client: HTTPClient = CurlHTTPClient()) {
        self.endpoint = endpoint
        self.inner = OpenAIAdapter(endpoint: endpoint, client: client)
        self.http = ProviderHTTP(endpoint: endpoint, client: client)
    }

    public func complete(_ request: ChatRequest, model: String,
                         onText: @escaping @Sendable (String) -> Void) async throws -> ChatReply {
        try await inner.complete(request, model: try await modelName(for: model), onText: onText)
    }

    /// `model` itself, or for `auto` the first model the server lists (asked once, then kept).
    public func modelName(for model: String) async throws -> String {
        guard model == Self.discoveredModel else { return model }
        if let name = discovered.name { return name }
        var headers = HTTPHeaders()
        if let key = endpoint.apiKey, !key.isEmpty { headers.add("authorization", "Bearer \(key.reveal())") }
        let json = try await http.json(of: try await http.get(path: "/models", headers: headers, timeout: .seconds(15)))
        // OpenAI's shape {"data": [{"id": …}]}; older llama.cpp builds also list {"models": [{"model": …}]}.
        guard let name = json["data"]?[0]?["id"]?.stringValue ?? json["models"]?[0]?["model"]?.stringValue,
              !name.isEmpty else {
            throw ProviderError.malformedResponse("GET \(endpoint.baseURL)/models lists no model")
        }
        discovered.name = name
        return name
    }
}

/// The model name learnt from the server, shared by every copy of the adapter.
private final class DiscoveredName: Sendable {
    private let value = Mutex<String?>(nil)
    var name: String? {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
