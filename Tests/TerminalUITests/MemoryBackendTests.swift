import TerminalUI
import Testing

@Suite("MemoryBackend")
struct MemoryBackendTests {
    @Test("keys come out in order, then reads time out")
    func keyQueue() {
        let backend = MemoryBackend(width: 80, height: 24)
        backend.enqueue(.down, .enter)
        backend.type("q中")
        #expect(backend.readKey(timeoutMilliseconds: 100) == .down)
        #expect(backend.readKey(timeoutMilliseconds: 100) == .enter)
        #expect(backend.readKey(timeoutMilliseconds: 100) == .character("q"))
        #expect(backend.readKey(timeoutMilliseconds: 100) == .character("中"))
        #expect(backend.readKey(timeoutMilliseconds: 100) == nil)
        #expect(backend.readCount == 5)
    }

    @Test("draw keeps the last frame and counts frames")
    func drawing() {
        let backend = MemoryBackend(width: 10, height: 2)
        #expect(backend.lastFrame == nil && backend.screen.isEmpty)
        var frame = CellBuffer(width: 10, height: 2)
        frame.put("第一", x: 0, y: 0)
        backend.draw(frame)
        frame.put("第二", x: 0, y: 1)
        backend.draw(frame)
        #expect(backend.drawCount == 2)
        #expect(backend.screen == ["第一", "第二"])
    }

    @Test("resize changes the size and queues a resize key")
    func resize() {
        let backend = MemoryBackend(width: 80, height: 24)
        backend.resize(width: 40, height: 12)
        #expect(backend.size == (40, 12))
        #expect(backend.readKey(timeoutMilliseconds: 0) == .resize)
    }

    @Test("termination and shutdown")
    func termination() {
        let backend = MemoryBackend(width: 80, height: 24)
        #expect(!backend.terminationRequested)
        backend.requestTermination()
        #expect(backend.terminationRequested)
        backend.enqueue(.enter)
        backend.shutdown()
        #expect(backend.isShutDown)
        #expect(backend.readKey(timeoutMilliseconds: 0) == nil)
        backend.draw(CellBuffer(width: 80, height: 24))
        #expect(backend.drawCount == 0)
    }

    @Test("a run loop driven through the protocol redraws at the new size and stops on q")
    func runLoop() {
        let backend = MemoryBackend(width: 80, height: 24)
        backend.enqueue(.down, .down)
        backend.resize(width: 40, height: 12)
        backend.type("q")
        let frames = run(backend)
        #expect(frames == 4)
        #expect(backend.lastFrame?.width == 40)
        #expect(backend.screen[0].hasPrefix("selected 2 at 40×12"))
    }

    /// A minimal app loop written only against `TerminalBackend`, as the real app's will be.
    private func run(_ terminal: some TerminalBackend) -> Int {
        var selected = 0
        var frames = 0
        func render() {
            let size = terminal.size
            var buffer = CellBuffer(width: size.width, height: size.height)
            buffer.put("selected \(selected) at \(size.width)×\(size.height)", x: 0, y: 0)
            terminal.draw(buffer)
            frames += 1
        }
        render()
        while !terminal.terminationRequested {
            guard let key = terminal.readKey(timeoutMilliseconds: 100) else {
                break
            }
            if key == .character("q") {
                break
            }
            if key == .down {
                selected += 1
            }
            render()
        }
        terminal.shutdown()
        return frames
    }
}
