package dev.tandem.crm.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.Deal;
import dev.tandem.crm.DealLine;
import dev.tandem.crm.DealLineManagement;
import dev.tandem.crm.NewDealLine;
import dev.tandem.crm.Product;
import dev.tandem.crm.ProductInput;
import dev.tandem.crm.ProductManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Products", description = "The product catalogue with prices per currency, and deals' line items")
class ProductApiController {

	private final ProductManagement products;
	private final DealLineManagement lines;

	ProductApiController(ProductManagement products, DealLineManagement lines) {
		this.products = products;
		this.lines = lines;
	}

	@GetMapping("/api/v1/products")
	@Operation(summary = "List the product catalogue", description = "By name; inactive products too with inactive=true.")
	Listing<Product> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "false") boolean inactive) {
		return Listing.all(products.list(me, inactive));
	}

	@PostMapping("/api/v1/products")
	@Operation(summary = "Add a product", description = "Admins only (403 for anyone else). prices maps ISO currency codes to "
			+ "unit prices, rounded to cents; name and code are unique without case.")
	Product create(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody ProductRequest request) {
		return products.create(me, request.input());
	}

	@PutMapping("/api/v1/products/{id}")
	@Operation(summary = "Change a product", description = "Admins only. Send the version you read: a stale one answers 409. "
			+ "The prices sent replace the price list; active=false takes the product off the catalogue.")
	Product update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody ProductChange request) {
		return products.update(me, id, request.version(), request.product().input());
	}

	@GetMapping("/api/v1/deals/{id}/lines")
	@Operation(summary = "A deal's line items", description = "In their order, each with its total rounded to cents.")
	Listing<LineView> lines(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return Listing.all(lines.lines(me, id).stream().map(LineView::of).toList());
	}

	@PutMapping("/api/v1/deals/{id}/lines")
	@Operation(summary = "Replace a deal's line items", description = "Send the deal's version: a stale one answers 409. While "
			+ "a deal has lines its amount is their total; a line without unitPrice takes the product's price in the "
			+ "organisation's currency. An empty list removes the lines and leaves the amount as it was.")
	Deal replace(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody LinesRequest request) {
		return lines.replace(me, id, request.version(), request.lines().stream()
			.map(l -> new NewDealLine(l.productId(), l.quantity(), l.unitPrice(), l.discountPercent())).toList());
	}

	record ProductRequest(@Nullable @Size(max = 200) String name, @Nullable @Size(max = 60) String code, @Nullable Boolean active,
			@Nullable Map<String, BigDecimal> prices) {

		ProductInput input() {
			return new ProductInput(name, code, active == null || active, prices == null ? Map.of() : prices);
		}
	}

	record ProductChange(@NotNull Integer version, @NotNull @Valid ProductRequest product) {
	}

	record LineRequest(@Nullable UUID productId, @Nullable BigDecimal quantity, @Nullable BigDecimal unitPrice,
			@Nullable BigDecimal discountPercent) {
	}

	record LinesRequest(@NotNull Integer version, @NotNull @Size(max = 200) List<@Valid LineRequest> lines) {
	}

	record LineView(UUID id, UUID productId, String productName, int position, BigDecimal quantity, BigDecimal unitPrice,
			BigDecimal discountPercent, BigDecimal total) {

		static LineView of(DealLine line) {
			return new LineView(line.id(), line.productId(), line.productName(), line.position(), line.quantity(), line.unitPrice(),
					line.discountPercent(), line.total());
		}
	}
}
