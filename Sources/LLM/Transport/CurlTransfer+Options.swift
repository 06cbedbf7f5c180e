import CCurl
import CCurlShim

// C callbacks: plain functions (no captures); the transfer arrives through the user-data pointer.

private let writeCallback: cs_data_cb = { pointer, size, count, userData in
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userData!).takeUnretainedValue()
    let length = size * count
    // Returning a short count makes curl stop with CURLE_WRITE_ERROR.
    if transfer.cancelled.load(ordering: .relaxed) { return 0 }
    transfer.noteActivity()
    transfer.deliverHead()
    if length > 0, let pointer {
        let bytes = [UInt8](UnsafeRawBufferPointer(start: pointer, count: length))
        transfer.body.yield(bytes)
    }
    return length
}

private let headerCallback: cs_data_cb = { pointer, size, count, userData in
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userData!).takeUnretainedValue()
    let length = size * count
    transfer.noteActivity()
    guard let pointer else { return length }
    let raw = UnsafeRawBufferPointer(start: pointer, count: length)
    let line = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: ["\r", "\n"])
    transfer.absorbHeaderLine(line)
    return length
}

private let progressCallback: cs_xfer_cb = { userData, _, _, _, _ in
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userData!).takeUnretainedValue()
    return transfer.cancelled.load(ordering: .relaxed) || transfer.idleExceeded ? 1 : 0
}

extension CurlTransfer {
    /// Parses one header line; a new status line starts a new header block (1xx, redirects).
    func absorbHeaderLine(_ line: String) {
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = HTTPHeaders()
        } else if line.isEmpty {
            if status >= 200 { deliverHead() }
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            headers.add(name, value)
        }
    }

    private func setBody(_ easy: UnsafeMutableRawPointer) {
        cs_setopt_long(easy, CURLOPT_POST, 1)
        cs_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
        request.body.withUnsafeBytes { bytes in
            // COPYPOSTFIELDS copies the bytes, so the buffer need not outlive this call.
            var empty: UInt8 = 0
            let base = bytes.baseAddress.map { UnsafeMutableRawPointer(mutating: $0) }
                ?? withUnsafeMutablePointer(to: &empty) { UnsafeMutableRawPointer($0) }
            cs_setopt_ptr(easy, CURLOPT_COPYPOSTFIELDS, base)
        }
    }

    /// Sets every option; returns the header list, which must outlive the transfer.
    func configure(_ easy: UnsafeMutableRawPointer, context: UnsafeMutableRawPointer,
                   errorBuffer: UnsafeMutablePointer<CChar>) -> UnsafeMutablePointer<curl_slist>? {
        cs_setopt_str(easy, CURLOPT_URL, request.url)
        cs_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        cs_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        cs_setopt_ptr(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        cs_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(request.timeouts.connect.milliseconds)))
        if let total = request.timeouts.total {
            cs_setopt_long(easy, CURLOPT_TIMEOUT_MS, max(1, Int(total.milliseconds)))
        }
        switch request.method.uppercased() {
        case "GET":
            cs_setopt_long(easy, CURLOPT_HTTPGET, 1)
        case "POST":
            setBody(easy)
        default:
            // PUT, PATCH, DELETE: curl sends a body given as POST fields under any method name.
            if !request.body.isEmpty { setBody(easy) }
            cs_setopt_str(easy, CURLOPT_CUSTOMREQUEST, request.method)
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for field in request.headers {
            list = curl_slist_append(list, "\(field.name): \(field.value)")
        }
        // Without this curl sends "Expect: 100-continue" for larger bodies and waits for it.
        list = curl_slist_append(list, "Expect:")
        cs_setopt_slist(easy, CURLOPT_HTTPHEADER, list)
        cs_setopt_write(easy, writeCallback, context)
        cs_setopt_header(easy, headerCallback, context)
        cs_setopt_xfer(easy, progressCallback, context)
        return list
    }
}
