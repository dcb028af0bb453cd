fn main() {
    article_viewer::start();
}
