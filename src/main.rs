fn main() {
    kafka_playground::panic_box::install();
    yew::Renderer::<kafka_playground::App>::new().render();
}
