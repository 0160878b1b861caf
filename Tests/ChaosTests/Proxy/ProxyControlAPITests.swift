import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import Chaos

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The control API the way a Toxiproxy client uses it: create a proxy, add, list, update and delete toxics, reset,
/// populate — over HTTP against the API on 127.0.0.1 port 0.
@Suite(.serialized) struct ProxyControlAPITests {
    struct Reply {
        var status: Int
        var json: Any?
        var text: String
    }

    final class API: Sendable {
        let port: Int
        let task: Task<Void, any Error>
        let proxies: ProxyCollection

        init() async throws {
            let proxies = ProxyCollection(seed: 5)
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            task = Task {
                try await ProxyControlAPI.run(port: 0, proxies: proxies) { port in continuation.yield(port) }
            }
            let timeout = Task {
                try await Task.sleep(for: .seconds(20))
                continuation.finish()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                task.cancel()
                throw ControlAPIError(500, "the control API did not start listening within 20 s")
            }
            timeout.cancel()
            self.port = port
            self.proxies = proxies
        }

        func call(_ method: String, _ path: String, _ body: String? = nil) async throws -> Reply {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.timeoutInterval = 10
            if let body {
                request.httpBody = Data(body.utf8)
                request.setValue("application/json", forHTTPHeaderField: "content-type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            return Reply(
                status: status, json: try? JSONSerialization.jsonObject(with: data), text: String(decoding: data, as: UTF8.self))
        }

        func stop() async {
            await proxies.stopAll()
            task.cancel()
            _ = try? await task.value
        }
    }

    @Test func toxiproxyClientRoundTrip() async throws {
        let echo = try await EchoServer(group: MultiThreadedEventLoopGroup.singleton)
        let api = try await API()
        defer { Task { await echo.stop() } }
        do {
            let version = try await api.call("GET", "/version")
            #expect(version.status == 200)
            #expect((version.json as? [String: Any])?["version"] is String)

            let upstream = "127.0.0.1:\(echo.port)"
            let created = try await api.call(
                "POST", "/proxies", #"{"name":"echo","listen":"127.0.0.1:0","upstream":"\#(upstream)"}"#)
            #expect(created.status == 201)
            let proxyJSON = try #require(created.json as? [String: Any])
            #expect(proxyJSON["name"] as? String == "echo")
            #expect(proxyJSON["enabled"] as? Bool == true)
            #expect(proxyJSON["upstream"] as? String == upstream)
            #expect((proxyJSON["toxics"] as? [Any])?.isEmpty == true)
            let listen = try #require(proxyJSON["listen"] as? String)
            #expect(listen.hasPrefix("127.0.0.1:") && !listen.hasSuffix(":0"))

            #expect(try await api.call("POST", "/proxies", #"{"name":"echo","upstream":"\#(upstream)"}"#).status == 409)
            let missing = try await api.call("POST", "/proxies", #"{"name":"x"}"#)
            #expect(missing.status == 400)
            #expect((missing.json as? [String: Any])?["error"] as? String == "missing required field: upstream")

            let toxic = try await api.call("POST", "/proxies/echo/toxics", #"{"type":"latency","attributes":{"latency":100}}"#)
            #expect(toxic.status == 200)
            let toxicJSON = try #require(toxic.json as? [String: Any])
            #expect(toxicJSON["name"] as? String == "latency_downstream")
            #expect(toxicJSON["stream"] as? String == "downstream")
            #expect(toxicJSON["toxicity"] as? Double == 1)
            #expect(toxicJSON["attributes"] as? [String: Int] == ["latency": 100, "jitter": 0])

            #expect(try await api.call("POST", "/proxies/echo/toxics", #"{"type":"latency"}"#).status == 409)
            let badType = try await api.call("POST", "/proxies/echo/toxics", #"{"type":"latncy"}"#)
            #expect(badType.status == 400)
            #expect(badType.text.contains("invalid toxic type"))
            let badValue = try await api.call(
                "POST", "/proxies/echo/toxics", #"{"name":"b","type":"bandwidth","attributes":{"rate":"fast"}}"#)
            #expect(badValue.status == 400)
            #expect(
                (badValue.json as? [String: Any])?["error"] as? String
                    == "bad request body: attributes.rate: expected a whole number")
            #expect(try await api.call("POST", "/proxies/nope/toxics", #"{"type":"latency"}"#).status == 404)

            let list = try await api.call("GET", "/proxies/echo/toxics")
            #expect((list.json as? [[String: Any]])?.map { $0["name"] as? String } == ["latency_downstream"])

            let updated = try await api.call(
                "POST", "/proxies/echo/toxics/latency_downstream", #"{"attributes":{"latency":300}}"#)
            #expect(updated.status == 200)
            #expect((updated.json as? [String: Any])?["attributes"] as? [String: Int] == ["latency": 300, "jitter": 0])
            #expect(try await api.call("GET", "/proxies/echo/toxics/latency_downstream").text.contains("300"))

            let index = try await api.call("GET", "/proxies")
            #expect(((index.json as? [String: Any])?["echo"] as? [String: Any])?["toxics"] as? [Any] != nil)

            #expect(try await api.call("POST", "/proxies/echo", #"{"enabled":false}"#).status == 200)
            #expect(
                try await api.call("GET", "/proxies/echo").json.flatMap { ($0 as? [String: Any])?["enabled"] as? Bool } == false)

            #expect(try await api.call("POST", "/reset").status == 204)
            let afterReset = try #require(try await api.call("GET", "/proxies/echo").json as? [String: Any])
            #expect(afterReset["enabled"] as? Bool == true)
            #expect((afterReset["toxics"] as? [Any])?.isEmpty == true)

            #expect(
                try await api.call(
                    "POST", "/proxies/echo/toxics",
                    #"{"name":"cut","type":"limit_data","stream":"upstream","attributes":{"bytes":1}}"#
                ).status == 200)
            #expect(try await api.call("DELETE", "/proxies/echo/toxics/cut").status == 204)
            #expect(try await api.call("GET", "/proxies/echo/toxics/cut").status == 404)
            #expect(try await api.call("DELETE", "/proxies/echo/toxics/cut").status == 404)

            let populated = try await api.call(
                "POST", "/populate",
                #"[{"name":"echo","listen":"\#(listen)","upstream":"\#(upstream)"},{"name":"second","upstream":"\#(upstream)"}]"#)
            #expect(populated.status == 201)
            let names = ((populated.json as? [String: Any])?["proxies"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["echo", "second"])
            #expect(try await api.call("POST", "/populate", #"[{"name":"x"}]"#).status == 400)

            #expect(try await api.call("DELETE", "/proxies/second").status == 204)
            #expect(try await api.call("GET", "/proxies/second").status == 404)
            let proxiedPort = try #require(Int(listen.split(separator: ":").last ?? ""))
            let socket = try TestSocket(port: proxiedPort)
            socket.send("still there")
            #expect(socket.read(count: 11).bytes.count == 11)
        } catch {
            await api.stop()
            throw error
        }
        await api.stop()
    }

    @Test func refusesANonLoopbackAPIWithoutBeingAsked() async {
        await #expect(throws: FaultError.self) {
            try await ProxyControlAPI.run(host: "0.0.0.0", port: 0, proxies: ProxyCollection())
        }
    }
}
