// The start-up and memory floor for the kiosk's benchmark: the smallest SDL2 + OpenGL3 + Dear ImGui window
// with one 48 px Vietnamese font that draws one line of text. Same flags as the kiosk: --startup-probe prints
// milliseconds from process start to the first presented frame and exits; otherwise it idles (redrawing only
// on events).
#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <unistd.h>

static double ms_since_start() {
    std::FILE* f = std::fopen("/proc/self/stat", "r");
    if (!f) return -1;
    char buf[1024];
    size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    buf[n] = 0;
    const char* p = std::strrchr(buf, ')');
    unsigned long long ticks = 0;
    int field = 2;
    for (const char* c = p + 1; *c; ++c)
        if (*c == ' ' && ++field == 22) {
            std::sscanf(c + 1, "%llu", &ticks);
            break;
        }
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return now.tv_sec * 1000.0 + now.tv_nsec / 1e6 - ticks * 1000.0 / sysconf(_SC_CLK_TCK);
}

int main(int argc, char** argv) {
    bool probe = argc > 1 && std::strcmp(argv[1], "--startup-probe") == 0;
    const char* font = argc > 2 ? argv[2] : "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_Window* window = SDL_CreateWindow("floor", 0, 0, 1080, 1920, SDL_WINDOW_OPENGL);
    SDL_GLContext gl = SDL_GL_CreateContext(window);
    SDL_GL_MakeCurrent(window, gl);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().Fonts->AddFontFromFileTTF(font, 48, nullptr,
                                             ImGui::GetIO().Fonts->GetGlyphRangesVietnamese());
    ImGui_ImplOpenGL3_Init("#version 130");
    bool running = true, first = true;
    while (running) {
        SDL_Event event;
        if (!first && SDL_WaitEventTimeout(&event, 1000) && event.type == SDL_QUIT) running = false;
        ImGui::GetIO().DisplaySize = ImVec2(1080, 1920);
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1080, 1920));
        ImGui::Begin("floor", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::TextUnformatted("Xin chào! Tra cứu thủ tục hành chính");
        ImGui::End();
        ImGui::Render();
        glViewport(0, 0, 1080, 1920);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        SDL_GL_SwapWindow(window);
        if (first && probe) {
            std::printf("first_frame_ms=%.1f\n", ms_since_start());
            std::fflush(stdout);
            break;
        }
        first = false;
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
